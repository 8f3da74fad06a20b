// Text search a connector can use: every word must match first, looser matches below.
// Words that name a kind of service or a need (in English or Welsh: "meddygfa", "banc bwyd",
// "walking group") also match every service of that kind or addressing that need.
// Parameters:
//   $strict        string  Lucene query requiring every word group (`+(..) +(..)`), built by
//                          graph/repositories/search.py from escaped, folded words
//   $loose         string  Lucene query where any word group may match (`(..) OR (..)`);
//                          equal to $strict when the text is one group
//   $rest          string|null  Lucene query requiring every word that names no kind or need;
//                               null when every word named one
//   $kinds         list<string> service kinds named in the text (taxonomy codes, e.g. `gp`)
//   $needs         list<string> need ids named in the text
//   $exact         string|null  Lucene phrase query for the typed words in a service's name
//                          (`name:"stretford foodbank"`): such a service comes first; null
//                          for one word
//   $known_kinds   list<string> every service kind of the vocabulary
//   $candidates    int     how many hits to take from each full-text call and kind or need
//   $latitude, $longitude  float|null  centre of an optional radius filter
//   $radius_km     float|null  radius in km (haversine, R = 6371.0088 km); null = anywhere
//   $stale_before  string  ISO date-time: last_verified before this (or null) = stale
//   $offset        int     rows to skip (the cursor)
//   $limit         int     page size + 1
// Returns: one row per service on the page with score, tier (0 = every word matched,
// 1 = some did), distance (null without a centre), stale and `total`; a single row with id
// null when nothing matches. Order: tier; services named by the typed phrase first; services
// of a named kind or need first; fresh
// before stale; score (to 3 decimals); distance; id.
CALL () {
  CALL db.index.fulltext.queryNodes('service_search', $strict, {limit: $candidates})
    YIELD node, score
  RETURN node AS s, score, 0 AS tier
  UNION ALL
  CALL db.index.fulltext.queryNodes('organization_search', $strict, {limit: $candidates})
    YIELD node, score
  MATCH (node)-[:PROVIDES]->(s:Service)
  RETURN s, score * 0.8 AS score, 0 AS tier
  UNION ALL
  WITH $loose AS q WHERE q <> $strict
  CALL db.index.fulltext.queryNodes('service_search', q, {limit: $candidates})
    YIELD node, score
  RETURN node AS s, score, 1 AS tier
  UNION ALL
  WITH $loose AS q WHERE q <> $strict
  CALL db.index.fulltext.queryNodes('organization_search', q, {limit: $candidates})
    YIELD node, score
  MATCH (node)-[:PROVIDES]->(s:Service)
  RETURN s, score * 0.8 AS score, 1 AS tier
  UNION ALL
  UNWIND $kinds AS kind
  MATCH (:TaxonomyTerm {code: kind})<-[:CATEGORISED_AS]-(s:Service)
  RETURN s, 0.0 AS score, 2 AS tier
  UNION ALL
  UNWIND $needs AS need
  MATCH (:Need {id: need})<-[:ADDRESSES]-(s:Service)
  RETURN s, 0.0 AS score, 2 AS tier
  UNION ALL
  WITH $rest AS q WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('service_search', q, {limit: $candidates})
    YIELD node, score
  RETURN node AS s, score, 3 AS tier
  UNION ALL
  WITH $exact AS q WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('service_search', q, {limit: $candidates})
    YIELD node, score
  RETURN node AS s, score, 4 AS tier
}
WITH s, min(CASE WHEN tier < 2 THEN tier END) AS text_tier,
     max(CASE WHEN tier < 2 OR tier = 4 THEN score END) AS text_score,
     count(CASE WHEN tier = 2 THEN 1 END) > 0 AS named,
     max(CASE WHEN tier = 3 THEN score END) AS rest_score,
     count(CASE WHEN tier = 4 THEN 1 END) > 0 AS exact
WHERE (text_tier IS NOT NULL OR named OR exact)
  AND coalesce(s.moderation_status, 'approved') = 'approved'
// A service of a named kind (or addressing a named need) has matched those words; it has
// matched every word when the other words match too, or there are none. Its score is that
// of the other words only, so among services of the kind asked for, distance decides.
// A service of another listed kind matched the kind's words only by chance ("Surgery Road
// Pharmacy" for "meddygfa"): it is a looser match.
WITH s, named, exact, text_tier, text_score, rest_score,
     size($kinds) > 0 AND NOT named AND EXISTS {
       MATCH (s)-[:CATEGORISED_AS]->(t:TaxonomyTerm) WHERE t.code IN $known_kinds
     } AS other_kind
WITH s, named, exact,
     CASE
       WHEN exact THEN 0
       WHEN text_tier = 0 AND NOT other_kind THEN 0
       WHEN named AND ($rest IS NULL OR rest_score IS NOT NULL) THEN 0
       ELSE 1
     END AS tier,
     CASE WHEN named AND NOT exact THEN coalesce(rest_score, 0.0) ELSE text_score END AS score
CALL (s) {
  MATCH (s)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:AT_LOCATION]->(l:Location)
  WHERE $latitude IS NOT NULL
  RETURN min(2 * 6371.0088 * asin(sqrt(
       sin(radians(l.latitude - $latitude) / 2) ^ 2 +
       cos(radians($latitude)) * cos(radians(l.latitude)) *
       sin(radians(l.longitude - $longitude) / 2) ^ 2))) AS distance_km
}
WITH s, named, exact, score, tier, distance_km
WHERE $latitude IS NULL OR (distance_km IS NOT NULL AND distance_km <= $radius_km)
WITH s, named, exact, score, tier, distance_km,
     (s.last_verified IS NULL OR
      datetime(toString(s.last_verified)) < datetime($stale_before)) AS stale
ORDER BY tier, exact DESC, named DESC, stale, round(score, 3) DESC, distance_km, s.id
WITH collect({s: s, score: score, tier: tier, distance_km: distance_km, stale: stale}) AS hits
WITH size(hits) AS total, hits[$offset..$offset + $limit] AS page
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS h
RETURN h.s.id AS id, properties(h.s) AS props, h.score AS score, h.tier AS tier,
       h.distance_km AS distance_km, h.stale AS stale, total
