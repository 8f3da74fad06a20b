// Which needs a service addresses: (Service)-[:ADDRESSES {rule}]->(Need), and the rule that
// derived it (`type:<kind>`, `text:<phrase>`; see loaders/opendata/needs.py).
// Parameters:
//   $rows  list of maps {service_id, need_id, rule} (rows naming a missing node are ignored)
// Returns: created (relationships new in this call), matched.
UNWIND $rows AS row
MATCH (s:Service {id: row.service_id})
MATCH (n:Need {id: row.need_id})
OPTIONAL MATCH (s)-[old:ADDRESSES]->(n)
MERGE (s)-[r:ADDRESSES]->(n)
SET r.rule = coalesce(row.rule, r.rule)
RETURN sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created, count(*) AS matched
