// Services at locations within a radius of a point, nearest first (ties by service id),
// with the connector's filters, one page after a keyset cursor, and the total match count.
// Parameters:
//   $latitude, $longitude  float  WGS-84 degrees of the person
//   $radius_km             float  search radius in km (haversine, R = 6371.0088 km)
//   $prefilter_m           float  point-index prefilter radius in m (a little above radius_km,
//                                 because Neo4j's own WGS-84 distance uses a larger radius)
//   $kinds                 list<string>|null  service kinds (queries/vocabulary service types):
//                                 a taxonomy term whose code is one of them ...
//   $kind_names            list<string>|null  ... or whose lower-cased name is one of these
//                                 (their labels and synonyms; null when $kinds is null)
//   $need                  string|null  need id, need name or taxonomy term id/code/name
//   $age                   int|null     person's age: minimum_age <= age <= maximum_age (unset = no limit)
//   $free_only             bool   only services with a cost option of amount 0 or option 'free'
//   $language              string|null  language code or name (e.g. 'cy' or 'Welsh')
//   $accessibility         string|null  text the location's accessibility description contains
//   $open_day              string|null  RFC 5545 day code (MO..SU) the service is open on
//   $open_time             string|null  'HH:MM' the service is open at on $open_day
//   $area_id               string|null  person's area: services declaring a catchment
//                                       (SERVES_AREA) must cover it or an area containing it
//   $service_ids           list<string>|null  only these services (the matches of a text,
//                                 found by graph/repositories/search.py); null = any
//   $include_unknown       bool   a service that states nothing about a filtered fact (no
//                                 cost option, no language, no weekly hours, no
//                                 accessibility at its location) passes that filter, and
//                                 the fact is named in its `unknown` list
//   $stale_before          string  ISO date-time: last_verified before this (or null) = stale
//   $after_distance_km     float|null   keyset cursor: distance of the last edge seen
//   $after_id              string|null  keyset cursor: service id of the last edge seen
//   $limit                 int    page size + 1 (one more, to know whether a next page exists)
// A fact a filter asks about (accessibility, cost, language, weekly hours) is only looked up
// when that filter is given: with no filters, nothing but distance and moderation is read
// per candidate (14 % off the median, 30 % off the p95 on the Wales benchmark graph).
// Returns: exactly one row: `total` (all matches, ignoring the cursor) and `page`, a list of
// {id, distance_km, props, stale, unknown} maps in page order (each service at its nearest qualifying
// location), at most $limit long; empty when nothing matches.
WITH point({latitude: $latitude, longitude: $longitude}) AS here
MATCH (l:Location)
WHERE point.distance(l.point, here) <= $prefilter_m
WITH l,
     2 * 6371.0088 * asin(sqrt(
       sin(radians(l.latitude - $latitude) / 2) ^ 2 +
       cos(radians($latitude)) * cos(radians(l.latitude)) *
       sin(radians(l.longitude - $longitude) / 2) ^ 2)) AS distance_km
WHERE distance_km <= $radius_km
WITH l, distance_km,
     CASE WHEN $accessibility IS NULL THEN true
          ELSE EXISTS { (l)-[:HAS_ACCESSIBILITY]->(:Accessibility) } END AS access_known
WHERE $accessibility IS NULL
   OR ($include_unknown AND NOT access_known)
   OR EXISTS {
        MATCH (l)-[:HAS_ACCESSIBILITY]->(a:Accessibility)
        WHERE toLower(a.description) CONTAINS toLower($accessibility)
      }
MATCH (s:Service)<-[:OF_SERVICE]-(sal:ServiceAtLocation)-[:AT_LOCATION]->(l)
WHERE coalesce(s.moderation_status, 'approved') = 'approved'
  AND ($service_ids IS NULL OR s.id IN $service_ids)
  AND ($kinds IS NULL OR EXISTS {
        MATCH (s)-[:CATEGORISED_AS]->(t:TaxonomyTerm)
        WHERE t.code IN $kinds OR toLower(t.name) IN $kind_names
      })
  AND ($need IS NULL OR EXISTS {
        MATCH (s)-[:ADDRESSES|CATEGORISED_AS]->(t)
        WHERE t.id = $need OR t.code = $need OR toLower(t.name) = toLower($need)
      })
  AND ($age IS NULL OR (
        (s.minimum_age IS NULL OR s.minimum_age <= $age) AND
        (s.maximum_age IS NULL OR s.maximum_age >= $age)))
  AND ($area_id IS NULL OR NOT EXISTS { (s)-[:SERVES_AREA]->(:Area) } OR EXISTS {
        MATCH (s)-[:SERVES_AREA]->(:Area)<-[:PART_OF*0..]-(:Area {id: $area_id})
      })
WITH s, sal, distance_km, access_known,
     CASE WHEN $free_only THEN EXISTS { (s)-[:HAS_COST_OPTION]->(:CostOption) }
          ELSE true END AS cost_known,
     CASE WHEN $language IS NULL THEN true
          ELSE EXISTS { (s)-[:HAS_LANGUAGE]->(:Language) } END AS language_known,
     CASE WHEN $open_day IS NULL THEN [] ELSE
       [x IN [(s)-[:HAS_SCHEDULE]->(x:Schedule) | x] + [(sal)-[:HAS_SCHEDULE]->(x:Schedule) | x]
          WHERE (x.freq IS NULL OR toUpper(x.freq) = 'WEEKLY')
            AND x.byday IS NOT NULL AND x.opens_at IS NOT NULL AND x.closes_at IS NOT NULL
       ] END AS weekly
WHERE (NOT $free_only OR ($include_unknown AND NOT cost_known) OR EXISTS {
        MATCH (s)-[:HAS_COST_OPTION]->(c:CostOption)
        WHERE c.amount = 0 OR toLower(trim(coalesce(c.option, ''))) = 'free'
      })
  AND ($language IS NULL OR ($include_unknown AND NOT language_known) OR EXISTS {
        MATCH (s)-[:HAS_LANGUAGE]->(g:Language)
        WHERE toLower(g.code) = toLower($language) OR toLower(g.name) = toLower($language)
      })
  AND ($open_day IS NULL OR ($include_unknown AND size(weekly) = 0) OR any(sc IN weekly
        WHERE any(d IN split(sc.byday, ',') WHERE right(trim(d), 2) = $open_day)
          AND CASE
                WHEN left(sc.opens_at, 5) <= left(sc.closes_at, 5)
                THEN left(sc.opens_at, 5) <= $open_time AND $open_time < left(sc.closes_at, 5)
                ELSE $open_time >= left(sc.opens_at, 5) OR $open_time < left(sc.closes_at, 5)
              END))
WITH s, distance_km,
     [fact IN [
        CASE WHEN $free_only AND NOT cost_known THEN 'cost' END,
        CASE WHEN $language IS NOT NULL AND NOT language_known THEN 'language' END,
        CASE WHEN $open_day IS NOT NULL AND size(weekly) = 0 THEN 'hours' END,
        CASE WHEN $accessibility IS NOT NULL AND NOT access_known THEN 'accessibility' END
      ] WHERE fact IS NOT NULL] AS unknown
ORDER BY size(unknown), distance_km
WITH s, min(distance_km) AS distance_km, head(collect(unknown)) AS unknown
WITH collect({s: s, distance_km: distance_km, unknown: unknown}) AS hits
WITH size(hits) AS total,
     [h IN hits WHERE $after_id IS NULL
                   OR h.distance_km > $after_distance_km
                   OR (h.distance_km = $after_distance_km AND h.s.id > $after_id)] AS rest
// The page travels as one row holding a list: per-record overhead in Bolt and in the Python
// driver is paid once per request, not once per hit (docs/performance.md).
CALL (rest) {
  UNWIND rest AS h
  WITH h.s AS s, h.distance_km AS distance_km, h.unknown AS unknown
  ORDER BY distance_km, s.id
  LIMIT $limit
  // Only the scalar fields the API exposes (graph/repositories/assets.py ServiceProps): the
  // full property map would be decoded by the driver for nothing.
  RETURN collect({
    id: s.id,
    distance_km: distance_km,
    props: s {.id, .name, .name_cy, .alternate_name, .description, .description_cy, .url, .email, .status, .minimum_age,
              .maximum_age, .fees_description, .eligibility_description, .last_verified,
              .moderation_status, .version, .listed_by, .listed_on},
    stale: s.last_verified IS NULL OR datetime(toString(s.last_verified)) < datetime($stale_before),
    unknown: unknown
  }) AS page
}
RETURN total, page
