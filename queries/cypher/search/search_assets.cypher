// Typo-tolerant text search over services and the organisations that provide them, with an
// optional radius; fresh listings before stale ones, then by relevance, then by id.
// Parameters:
//   $lucene        string  Lucene query built by graph/repositories/search.py from escaped,
//                          lower-cased words of the user's text (fuzzy terms `word~N`)
//   $candidates    int     how many hits to take from each full-text index
//   $latitude, $longitude  float|null  centre of an optional radius filter
//   $radius_km     float|null  radius in km (haversine, R = 6371.0088 km); null = anywhere
//   $stale_before  string  ISO date-time: last_verified before this (or null) = stale
//   $offset        int     rows to skip (the cursor)
//   $limit         int     page size + 1
// Returns: one row per service on the page with score, distance (null without a centre),
// stale and `total`; a single row with id null when nothing matches.
CALL () {
  CALL db.index.fulltext.queryNodes('service_text', $lucene, {limit: $candidates})
    YIELD node, score
  RETURN node AS s, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('organization_text', $lucene, {limit: $candidates})
    YIELD node, score
  MATCH (node)-[:PROVIDES]->(s:Service)
  RETURN s, score * 0.8 AS score
}
WITH s, max(score) AS score
WHERE coalesce(s.moderation_status, 'approved') = 'approved'
CALL (s) {
  MATCH (s)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:AT_LOCATION]->(l:Location)
  WHERE $latitude IS NOT NULL
  RETURN min(2 * 6371.0088 * asin(sqrt(
       sin(radians(l.latitude - $latitude) / 2) ^ 2 +
       cos(radians($latitude)) * cos(radians(l.latitude)) *
       sin(radians(l.longitude - $longitude) / 2) ^ 2))) AS distance_km
}
WITH s, score, distance_km
WHERE $latitude IS NULL OR (distance_km IS NOT NULL AND distance_km <= $radius_km)
WITH s, score, distance_km,
     (s.last_verified IS NULL OR
      datetime(toString(s.last_verified)) < datetime($stale_before)) AS stale
ORDER BY stale, score DESC, s.id
WITH collect({s: s, score: score, distance_km: distance_km, stale: stale}) AS hits
WITH size(hits) AS total, hits[$offset..$offset + $limit] AS page
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS h
RETURN h.s.id AS id, properties(h.s) AS props, h.score AS score,
       h.distance_km AS distance_km, h.stale AS stale, total
