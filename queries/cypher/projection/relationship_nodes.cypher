// Nodes of the relationship graph that leaders analyse.
// Parameters:
//   $prefix      string|null  only nodes whose id starts with it (one data set among several)
//   $edge_types  list<string> relationship types that count as ties (allow-listed in code)
// People, organisations and teams are always included (isolated ones too: they count in the
// normalisation of betweenness and are "groups with no ties"); services and areas only when
// a tie of an included type touches them.
MATCH (n:Entity)
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
