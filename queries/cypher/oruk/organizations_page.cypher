// One page of organisations for GET /oruk/organizations, ordered by name then id.
// Parameters:
//   $search         string|null: words in the name or description (case-insensitive)
//   $with_services  bool: nest each organisation's services
//   $skip, $limit  int: (page_number - 1) * per_page and per_page (at most 100)
//   $public        bool: true hides services whose moderation_status is not 'approved'
// Returns one row: total (matches before paging) and records [{root, nodes, edges}] of the page
// (each the record's directory subtree; graph/oruk/serialise.py turns it into ORUK JSON).
MATCH (o:Organization)
WHERE $search IS NULL
   OR toLower(coalesce(o.name, '')) CONTAINS toLower($search)
   OR toLower(coalesce(o.description, '')) CONTAINS toLower($search)
WITH o ORDER BY o.name, o.id
WITH collect(o) AS matched
WITH size(matched) AS total, matched[$skip..($skip + $limit)] AS page
CALL (page) {
  UNWIND page AS o
  CALL (o) {
      OPTIONAL MATCH (o)-[p:PROVIDES]->(s:Service)
      WHERE $with_services AND (NOT $public OR coalesce(s.moderation_status, 'approved') = 'approved')
      WITH o, collect(DISTINCT s) AS services, collect(DISTINCT p) AS provides
      CALL (services) {
        UNWIND services AS s
        MATCH (sal:ServiceAtLocation)-[q:OF_SERVICE]->(s)
        RETURN collect(DISTINCT sal) AS sals, collect(DISTINCT q) AS ofs
      }
      WITH [o] + services + sals AS anchors, provides + ofs AS ups
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
  RETURN collect({root: o.id, nodes: nodes, edges: edges}) AS records
}
RETURN total, records
