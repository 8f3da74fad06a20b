// (Person)-[:REFERS_TO]->(Service) from generated rows; a relationship that exists is left as it is.
// Parameters:
//   $rows    list of maps {source, target, ...}: ids of the two ends and the properties
//            set on a new relationship (r.count = row.count, r.since = row.since)
//   $source  string  provenance
// Returns: created (relationships new in this call), matched (rows whose ends both exist).
UNWIND $rows AS row
MATCH (a:Person {id: row.source})
MATCH (b:Service {id: row.target})
OPTIONAL MATCH (a)-[old:REFERS_TO]->(b)
MERGE (a)-[r:REFERS_TO]->(b)
  ON CREATE SET r.count = row.count, r.since = row.since, r.source = $source
RETURN sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created, count(*) AS matched
