// Fallback loader: people and teams (rows of loaders.generator.scale node_batches).
// Parameters:
//   $rows  list of {id, kind ('person'|'team'), name, tribe, area_id, source}
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
  SET n.name = row.name, n.tribe = row.tribe, n.area_id = row.area_id, n.source = row.source
FOREACH (_ IN CASE WHEN row.kind = 'person' THEN [1] ELSE [] END | SET n:Person)
FOREACH (_ IN CASE WHEN row.kind = 'team' THEN [1] ELSE [] END | SET n:Team)
