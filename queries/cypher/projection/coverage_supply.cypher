// Supply side of the E2SFCA coverage score: approved services at located places, per need.
// Parameters:
//   $prefix  string|null  only services whose id starts with it
MATCH (s:Service)-[:ADDRESSES]->(n:Need)
WHERE coalesce(s.moderation_status, 'approved') = 'approved'
  AND ($prefix IS NULL OR s.id STARTS WITH $prefix)
MATCH (s)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:AT_LOCATION]->(l:Location)
WHERE l.latitude IS NOT NULL
WITH s, l, collect(DISTINCT n.id) AS needs
RETURN s.id + '@' + l.id AS service, l.latitude AS latitude, l.longitude AS longitude,
       needs, toFloat(coalesce(s.capacity, 1.0)) AS capacity
ORDER BY service
