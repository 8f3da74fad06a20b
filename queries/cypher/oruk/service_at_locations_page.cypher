// One page of services at locations for GET /oruk/service_at_locations.
// Ordered by distance from the centre when one is given (proximity), else by id.
// Parameters:
//   $search            string|null: words in the service's name (case-insensitive)
//   $taxonomy_term_id  string|null: the service is categorised as this term (id or ORUK id)
//   $organization_id   string|null: the service's organisation (id or ORUK id)
//   $postcode          string|null: upper case, no spaces; the location's postcode starts with it
//   $latitude, $longitude  float|null: centre for proximity (WGS-84)
//   $proximity_m       float|null: metres from the centre; with $postcode and no centre, the
//                      centre is the mean position of the locations with exactly that postcode
//   $skip, $limit  int: (page_number - 1) * per_page and per_page (at most 100)
//   $public        bool: true hides services whose moderation_status is not 'approved'
// Returns one row: total (matches before paging) and records [{root, nodes, edges}] of the page
// (each the record's directory subtree; graph/oruk/serialise.py turns it into ORUK JSON).
CALL () {
  OPTIONAL MATCH (pl:Location)-[:HAS_ADDRESS]->(pa:Address)
  WHERE $proximity_m IS NOT NULL AND $latitude IS NULL AND $postcode IS NOT NULL
    AND replace(toUpper(coalesce(pa.postal_code, '')), ' ', '') = $postcode
    AND pl.latitude IS NOT NULL AND pl.longitude IS NOT NULL
  RETURN avg(pl.latitude) AS plat, avg(pl.longitude) AS plon
}
WITH CASE
       WHEN $proximity_m IS NULL THEN null
       WHEN $latitude IS NOT NULL THEN point({latitude: $latitude, longitude: $longitude})
       WHEN plat IS NOT NULL THEN point({latitude: plat, longitude: plon})
       ELSE point({latitude: 0.0, longitude: 0.0, crs: 'WGS-84'})
     END AS here, ($proximity_m IS NOT NULL AND $latitude IS NULL AND plat IS NULL) AS nowhere
MATCH (sal:ServiceAtLocation)-[:OF_SERVICE]->(s:Service)
WHERE NOT nowhere
  AND (NOT $public OR coalesce(s.moderation_status, 'approved') = 'approved')
  AND ($search IS NULL OR toLower(coalesce(s.name, '')) CONTAINS toLower($search))
  AND ($taxonomy_term_id IS NULL OR EXISTS {
        MATCH (s)-[:CATEGORISED_AS]->(t:TaxonomyTerm)
        WHERE (t.id = $taxonomy_term_id OR t.oruk_id = $taxonomy_term_id) })
  AND ($organization_id IS NULL OR EXISTS {
        MATCH (o:Organization)-[:PROVIDES]->(s)
        WHERE o.id = $organization_id OR o.oruk_id = $organization_id })
OPTIONAL MATCH (sal)-[:AT_LOCATION]->(l:Location)
WITH sal, l, here
WHERE ($postcode IS NULL OR ($proximity_m IS NOT NULL AND $latitude IS NULL) OR EXISTS {
        MATCH (l)-[:HAS_ADDRESS]->(a:Address)
        WHERE replace(toUpper(coalesce(a.postal_code, '')), ' ', '') STARTS WITH $postcode })
  AND (here IS NULL OR (l.point IS NOT NULL AND point.distance(l.point, here) <= $proximity_m))
WITH sal, min(CASE WHEN here IS NULL THEN 0.0 ELSE point.distance(l.point, here) END) AS distance
WITH sal ORDER BY distance, sal.id
WITH collect(sal) AS matched
WITH size(matched) AS total, matched[$skip..($skip + $limit)] AS page
CALL (page) {
  UNWIND page AS sal
  CALL (sal) {
      OPTIONAL MATCH (sal)-[q:OF_SERVICE]->(s:Service)
      WITH sal, collect(DISTINCT s) AS services, collect(DISTINCT q) AS ofs
      CALL (services) {
        UNWIND services AS s
        MATCH (o:Organization)-[p:PROVIDES]->(s)
        RETURN collect(DISTINCT o) AS orgs, collect(DISTINCT p) AS provides
      }
      WITH [sal] + services + orgs AS anchors, ofs + provides AS ups
      UNWIND anchors AS a
      OPTIONAL MATCH path = (a)-[:AT_LOCATION|HAS_ACCESSIBILITY|HAS_ADDRESS|HAS_ATTRIBUTE|HAS_CONTACT|HAS_COST_OPTION|HAS_FUNDING|HAS_IDENTIFIER|HAS_LANGUAGE|HAS_LOCATION|HAS_METADATA|HAS_PHONE|HAS_PROGRAM|HAS_REQUIRED_DOCUMENT|HAS_SCHEDULE|HAS_SERVICE_AREA|IN_PROGRAM|IN_TAXONOMY|OF_TERM*1..10]->()
      UNWIND coalesce(relationships(path), [null]) AS r
      WITH anchors, ups, collect(DISTINCT r) AS downs
      WITH anchors, ups + downs AS rels
      UNWIND anchors + [r IN rels | startNode(r)] + [r IN rels | endNode(r)] AS n
      WITH rels, collect(DISTINCT n) AS nodes
      RETURN [n IN nodes | {id: n.id, labels: labels(n), props: properties(n)}] AS nodes,
             [r IN rels | {src: startNode(r).id, type: type(r), dst: endNode(r).id, ordinal: r.ordinal}] AS edges
  }
  RETURN collect({root: sal.id, nodes: nodes, edges: edges}) AS records
}
RETURN total, records
