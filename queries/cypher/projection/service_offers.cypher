// What each service offers, where and to whom, for overlapping-service detection.
// Parameters:
//   $prefix  string|null  only services whose id starts with it
MATCH (s:Service)
WHERE coalesce(s.moderation_status, 'approved') = 'approved'
  AND ($prefix IS NULL OR s.id STARTS WITH $prefix)
OPTIONAL MATCH (o:Organization)-[:PROVIDES]->(s)
WITH s, head(collect(o.id)) AS provider
OPTIONAL MATCH (s)-[:ADDRESSES]->(n:Need)
WITH s, provider, collect(DISTINCT n.id) AS needs
WHERE size(needs) > 0
OPTIONAL MATCH (s)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:AT_LOCATION]->(:Location)
               -[:IN_AREA]->(la:Area)
OPTIONAL MATCH (s)-[:SERVES_AREA]->(sa:Area)
WITH s, provider, needs, collect(DISTINCT la.id) + collect(DISTINCT sa.id) AS areas
OPTIONAL MATCH (s)-[:HAS_SCHEDULE]->(sch:Schedule)
RETURN s.id AS id, provider, needs, areas, s.minimum_age AS min_age,
       s.maximum_age AS max_age, collect(sch.byday) AS bydays
ORDER BY id
