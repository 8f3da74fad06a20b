// Ties of the relationship graph.
// Parameters:
//   $prefix      string|null        only ties whose both ends' ids start with it
//   $edge_types  list<string>       relationship types that count as ties (allow-listed in code)
//   $ids         list<string>|null  only ties whose both ends are among these nodes (an
//                                   analysis scope's members), found from them by the id index
CALL () {
  WITH $ids AS ids WHERE ids IS NOT NULL
  UNWIND ids AS id
  MATCH (a:Entity {id: id})-[r]->(b:Entity)
  WHERE type(r) IN $edge_types AND b.id IN ids
  RETURN a, r, b
  UNION
  WITH $ids AS ids WHERE ids IS NULL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE type(r) IN $edge_types
  RETURN a, r, b
}
WITH a, r, b
WHERE ($prefix IS NULL OR (a.id STARTS WITH $prefix AND b.id STARTS WITH $prefix))
  AND (a:Person OR a:Organization OR a:Team OR a:Service OR a:Area)
  AND (b:Person OR b:Organization OR b:Team OR b:Service OR b:Area)
RETURN a.id AS source, b.id AS target, type(r) AS type,
       coalesce(r.weight, r.strength, r.count, 1.0) AS weight
