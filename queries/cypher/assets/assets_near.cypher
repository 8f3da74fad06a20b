// Services at locations within a radius of a point, nearest first (ties by service id).
// Parameters:
//   $latitude, $longitude  float  WGS-84 degrees of the person
//   $radius_km             float  search radius in km (haversine, R = 6371.0088 km)
//   $prefilter_m           float  point-index prefilter radius in m (a little above radius_km,
//                                 because Neo4j's own WGS-84 distance uses a larger radius)
//   $need                  string|null  need id, need name or taxonomy term code/name
//   $after_distance_km     float|null   keyset cursor: distance of the last edge seen
//   $after_id              string|null  keyset cursor: service id of the last edge seen
//   $limit                 int    page size + 1 (one more, to know whether a next page exists)
// Returns: one row per service: its nearest location's distance.
WITH point({latitude: $latitude, longitude: $longitude}) AS here
MATCH (l:Location)
WHERE point.distance(l.point, here) <= $prefilter_m
MATCH (s:Service)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:AT_LOCATION]->(l)
WHERE coalesce(s.moderation_status, 'approved') = 'approved'
  AND ($need IS NULL OR EXISTS {
        MATCH (s)-[:ADDRESSES|CATEGORISED_AS]->(t)
        WHERE t.id = $need OR toLower(t.name) = toLower($need) OR t.code = $need
      })
WITH s, l,
     2 * 6371.0088 * asin(sqrt(
       sin(radians(l.latitude - $latitude) / 2) ^ 2 +
       cos(radians($latitude)) * cos(radians(l.latitude)) *
       sin(radians(l.longitude - $longitude) / 2) ^ 2)) AS distance_km
WHERE distance_km <= $radius_km
WITH s, min(distance_km) AS distance_km
WITH s, distance_km
WHERE $after_id IS NULL
   OR distance_km > $after_distance_km
   OR (distance_km = $after_distance_km AND s.id > $after_id)
RETURN s.id AS id, s.name AS name, s.description AS description, distance_km
ORDER BY distance_km, id
LIMIT $limit
