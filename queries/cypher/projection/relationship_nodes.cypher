// Nodes of the relationship graph that leaders analyse.
// Parameters:
//   $prefix      string|null        only nodes whose id starts with it (one data set among several)
//   $edge_types  list<string>       relationship types that count as ties (allow-listed in code)
//   $ids         list<string>|null  only these nodes (an analysis scope's members): a scoped
//                                   report reads its part of the graph by the id index, not
//                                   the whole graph
// People, organisations and teams are always included (isolated ones too: they count in the
// normalisation of betweenness and are "groups with no ties"); services and areas only when
// a tie of an included type touches them.
CALL () {
  WITH $ids AS ids WHERE ids IS NOT NULL
  UNWIND ids AS id
  MATCH (n:Entity {id: id})
  RETURN n
  UNION
  WITH $ids AS ids WHERE ids IS NULL
  MATCH (n:Entity)
  RETURN n
}
WITH n
WHERE ($prefix IS NULL OR n.id STARTS WITH $prefix)
  AND (n:Person OR n:Organization OR n:Team
       OR ((n:Service OR n:Area) AND EXISTS {
             MATCH (n)-[r]-(:Entity) WHERE type(r) IN $edge_types }))
RETURN n.id AS id,
       CASE
         WHEN n:Person THEN 'person'
         WHEN n:Organization THEN 'organisation'
         WHEN n:Team THEN 'team'
         WHEN n:Service THEN 'service'
         ELSE 'area'
       END AS kind,
       n.name AS name, n.tribe AS tribe, n.sector AS sector,
       n.organisation_id AS organisation_id, n.area_id AS area_id
ORDER BY id
