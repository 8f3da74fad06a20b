// (Team)-[:SERVES_AREA]->(Area) from generated rows; a relationship that exists is left as it is.
// Parameters:
//   $rows    list of maps {source, target, ...}: ids of the two ends and the properties
//            set on a new relationship (none besides provenance)
//   $source  string  provenance
// Returns: created (relationships new in this call), matched (rows whose ends both exist).
UNWIND $rows AS row
MATCH (a:Team {id: row.source})
MATCH (b:Area {id: row.target})
OPTIONAL MATCH (a)-[old:SERVES_AREA]->(b)
MERGE (a)-[r:SERVES_AREA]->(b)
  ON CREATE SET r.source = $source
RETURN sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created, count(*) AS matched
