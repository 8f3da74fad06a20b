// One page of services for GET /oruk/services, filtered, ordered by name then id.
// Parameters:
//   $search            string|null: words in the name or description (case-insensitive)
//   $taxonomy_term_id  string|null: a taxonomy term's id or ORUK id the service is categorised as
//   $organization_id   string|null: the providing organisation's id or ORUK id
//   $modified_after    string|null: RFC 3339 date-time; services modified strictly after it
//   $skip, $limit  int: (page_number - 1) * per_page and per_page (at most 100)
//   $public        bool: true hides services whose moderation_status is not 'approved'
// Returns one row: total (matches before paging) and records [{root, nodes, edges}] of the page
// (each the record's directory subtree; graph/oruk/serialise.py turns it into ORUK JSON).
MATCH (s:Service)
WHERE (NOT $public OR coalesce(s.moderation_status, 'approved') = 'approved')
  AND ($search IS NULL
       OR toLower(coalesce(s.name, '')) CONTAINS toLower($search)
       OR toLower(coalesce(s.description, '')) CONTAINS toLower($search))
  AND ($taxonomy_term_id IS NULL OR EXISTS {
        MATCH (s)-[:CATEGORISED_AS]->(t:TaxonomyTerm)
        WHERE (t.id = $taxonomy_term_id OR t.oruk_id = $taxonomy_term_id) })
  AND ($organization_id IS NULL OR EXISTS {
        MATCH (o:Organization)-[:PROVIDES]->(s)
        WHERE o.id = $organization_id OR o.oruk_id = $organization_id })
  AND ($modified_after IS NULL OR (s.last_modified IS NOT NULL
       AND datetime(s.last_modified) > datetime($modified_after)))
WITH s ORDER BY s.name, s.id
WITH collect(s) AS matched
WITH size(matched) AS total, matched[$skip..($skip + $limit)] AS page
CALL (page) {
  UNWIND page AS s
  CALL (s) {
      OPTIONAL MATCH (o:Organization)-[p:PROVIDES]->(s)
      WITH s, collect(DISTINCT o) AS orgs, collect(DISTINCT p) AS provides
      OPTIONAL MATCH (sal:ServiceAtLocation)-[q:OF_SERVICE]->(s)
      WITH s, orgs, provides, collect(DISTINCT sal) AS sals, collect(DISTINCT q) AS ofs
      WITH [s] + orgs + sals AS anchors, provides + ofs AS ups
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
  RETURN collect({root: s.id, nodes: nodes, edges: edges}) AS records
}
RETURN total, records
