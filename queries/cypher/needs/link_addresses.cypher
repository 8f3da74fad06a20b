// Which needs a service addresses: (Service)-[:ADDRESSES]->(Need).
// Parameters:
//   $rows  list of maps {service_id, need_id} (rows naming a missing node are ignored)
// Returns: created (relationships new in this call), matched.
UNWIND $rows AS row
MATCH (s:Service {id: row.service_id})
MATCH (n:Need {id: row.need_id})
OPTIONAL MATCH (s)-[old:ADDRESSES]->(n)
MERGE (s)-[:ADDRESSES]->(n)
RETURN sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created, count(*) AS matched
