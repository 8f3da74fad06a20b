// Fallback loader: relationships (rows of loaders.generator.scale edge_batches). The type is
// chosen from a fixed list by FOREACH, never pasted into the text.
// Parameters:
//   $rows  list of {source, target, type, weight, since}
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
FOREACH (_ IN CASE WHEN row.type = 'KNOWS' THEN [1] ELSE [] END |
  MERGE (a)-[r:KNOWS]->(b) SET r.weight = row.weight, r.since = row.since)
FOREACH (_ IN CASE WHEN row.type = 'WORKS_WITH' THEN [1] ELSE [] END |
  MERGE (a)-[r:WORKS_WITH]->(b) SET r.weight = row.weight, r.since = row.since)
FOREACH (_ IN CASE WHEN row.type = 'WORKS_FOR' THEN [1] ELSE [] END |
  MERGE (a)-[r:WORKS_FOR]->(b) SET r.since = row.since)
FOREACH (_ IN CASE WHEN row.type = 'MEMBER_OF' THEN [1] ELSE [] END |
  MERGE (a)-[r:MEMBER_OF]->(b) SET r.since = row.since)
FOREACH (_ IN CASE WHEN row.type = 'REFERS_TO' THEN [1] ELSE [] END |
  MERGE (a)-[r:REFERS_TO]->(b) SET r.since = row.since)
