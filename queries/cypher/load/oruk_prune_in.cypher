// Replace-semantics for keys stored as incoming relationships (service.service_at_locations is
// (sal)-[:OF_SERVICE]->(service); service.organization is (org)-[:PROVIDES]->(service)).
// Parameters:
//   $rows  list of {id: string, type: string, keep: list<string>}
UNWIND $rows AS row
MATCH (p:Entity {id: row.id})<-[r]-(c)
WHERE type(r) = row.type AND NOT c.id IN row.keep
DELETE r
WITH DISTINCT c
WHERE NOT (c)--()
DELETE c
