// (Person)-[:WORKS_WITH]-(Person), read undirected: a tie already there in either direction is
// left as it is. Properties of a new tie: strength (0..1, the row's weight) and since.
// Parameters:
//   $rows    list of maps {source, target, weight, since}
//   $source  string  provenance
// Returns: created (ties new in this call), matched (rows whose people both exist).
UNWIND $rows AS row
MATCH (a:Person {id: row.source})
MATCH (b:Person {id: row.target})
OPTIONAL MATCH (a)-[old:WORKS_WITH]-(b)
WITH a, b, row, count(old) AS existing
CALL (a, b, row, existing) {
  WITH a, b, row, existing WHERE existing = 0
  CREATE (a)-[:WORKS_WITH {strength: row.weight, weight: row.weight, since: row.since, source: $source}]->(b)
}
RETURN sum(CASE WHEN existing = 0 THEN 1 ELSE 0 END) AS created, count(*) AS matched
