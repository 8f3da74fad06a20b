// One page of taxonomy terms for GET /oruk/taxonomy_terms, ordered by name then id.
// Parameters:
//   $search       string|null: words in the name or code (case-insensitive)
//   $taxonomy_id  string|null: only terms of this taxonomy (its id or ORUK id), by relationship
//                 or by the term's own taxonomy_id
//   $parent_id    string|null: only the children of this term
//   $skip, $limit  int: (page_number - 1) * per_page and per_page (at most 100)
//   $public        bool: true hides services whose moderation_status is not 'approved'
// Returns one row: total (matches before paging) and records [{root, nodes, edges}] of the page
// (each the record's directory subtree; graph/oruk/serialise.py turns it into ORUK JSON).
MATCH (t:TaxonomyTerm)
WHERE ($search IS NULL
       OR toLower(coalesce(t.name, '')) CONTAINS toLower($search)
       OR toLower(coalesce(t.code, '')) CONTAINS toLower($search))
  AND ($taxonomy_id IS NULL OR t.taxonomy_id = $taxonomy_id OR EXISTS {
        MATCH (t)-[:IN_TAXONOMY]->(x:Taxonomy) WHERE x.id = $taxonomy_id OR x.oruk_id = $taxonomy_id })
  AND ($parent_id IS NULL OR t.parent_id = $parent_id)
WITH t ORDER BY t.name, t.id
WITH collect(t) AS matched
WITH size(matched) AS total, matched[$skip..($skip + $limit)] AS page
CALL (page) {
  UNWIND page AS t
  CALL (t) {
      WITH [t] AS anchors, [] AS ups
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
  RETURN collect({root: t.id, nodes: nodes, edges: edges}) AS records
}
RETURN total, records
