// (Person)-[:MEMBER_OF]->(Team) from generated rows; a relationship that exists is left as it is.
// Parameters:
//   $rows    list of maps {source, target, ...}: ids of the two ends and the properties
//            set on a new relationship (r.since = row.since, r.resident = row.resident)
//   $source  string  provenance
// Returns: created (relationships new in this call), matched (rows whose ends both exist).
UNWIND $rows AS row
MATCH (a:Person {id: row.source})
MATCH (b:Team {id: row.target})
OPTIONAL MATCH (a)-[old:MEMBER_OF]->(b)
MERGE (a)-[r:MEMBER_OF]->(b)
  ON CREATE SET r.since = row.since, r.resident = row.resident, r.source = $source
RETURN sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created, count(*) AS matched
