// Merge a batch of Organization nodes from a relationship table (load relationships NODES.csv).
// Parameters:
//   $rows  list of {id: string, props: map}: name, tribe, organisation_id, area_id, latitude,
//          longitude, sector, role, source, source_id, csv_hash (null removes a property)
//   $now   string: ISO date-time of this load
UNWIND $rows AS row
MERGE (n:Organization {id: row.id})
  ON CREATE SET n:Entity, n.created_at = $now
SET n += row.props,
    n.updated_at = $now
