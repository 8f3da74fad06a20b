// Directory listings for duplicate detection: one row per service with its first location
// (and that location's first postcode) and its contact points.
// Parameters:
//   $prefix  string|null  only services whose id starts with it
MATCH (s:Service)
WHERE $prefix IS NULL OR s.id STARTS WITH $prefix
OPTIONAL MATCH (s)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:AT_LOCATION]->(l:Location)
WITH s, l ORDER BY l.id
WITH s, head(collect(l)) AS l
OPTIONAL MATCH (o:Organization)-[:PROVIDES]->(s)
WITH s, l, head(collect(o)) AS o
OPTIONAL MATCH (s)-[:HAS_CONTACT|HAS_PHONE]->(x)
OPTIONAL MATCH (x)-[:HAS_PHONE]->(p:Phone)
WITH s, l, o, collect(DISTINCT coalesce(p.number, x.number)) AS phones
RETURN s.id AS id, s.name AS name, l.latitude AS latitude, l.longitude AS longitude,
       head([(l)-[:HAS_ADDRESS]->(a:Address) WHERE a.postal_code IS NOT NULL | a.postal_code])
         AS postcode,
       head(phones) AS phone, coalesce(s.email, o.email) AS email,
       coalesce(s.url, o.website) AS website
ORDER BY id
