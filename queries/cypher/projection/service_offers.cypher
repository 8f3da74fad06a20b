// What each service offers, where and to whom, for overlapping-service detection.
// Parameters:
//   $prefix  string|null  only services whose id starts with it
// `needs` are the needs tagged by the service's own words or listing; `universal_needs` those
// every service of its kind meets (ADDRESSES {rule: 'type:<kind>'}), compared more strictly.
MATCH (s:Service)
WHERE coalesce(s.moderation_status, 'approved') = 'approved'
  AND ($prefix IS NULL OR s.id STARTS WITH $prefix)
OPTIONAL MATCH (o:Organization)-[:PROVIDES]->(s)
WITH s, head(collect(o.id)) AS provider
OPTIONAL MATCH (s)-[a:ADDRESSES]->(n:Need)
WITH s, provider,
     collect(DISTINCT CASE WHEN NOT coalesce(a.rule, '') STARTS WITH 'type:' THEN n.id END)
       AS needs,
     collect(DISTINCT CASE WHEN a.rule STARTS WITH 'type:' THEN n.id END) AS universal_needs
WHERE size(needs) + size(universal_needs) > 0
OPTIONAL MATCH (s)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:AT_LOCATION]->(:Location)
               -[:IN_AREA]->(la:Area)
OPTIONAL MATCH (s)-[:SERVES_AREA]->(sa:Area)
WITH s, provider, needs, universal_needs,
     collect(DISTINCT la.id) + collect(DISTINCT sa.id) AS areas
OPTIONAL MATCH (s)-[:HAS_SCHEDULE]->(sch:Schedule)
RETURN s.id AS id, provider, needs, universal_needs, areas, s.minimum_age AS min_age,
       s.maximum_age AS max_age, collect(sch.byday) AS bydays
ORDER BY id
