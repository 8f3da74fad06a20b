// ServiceAtLocation records by node id, fully nested (export oruk reads in chunks of ids).
// Parameters:
//   $ids     list<string>: node ids
//   $public  bool: true hides services whose moderation_status is not 'approved'
// Returns per record: root (node id), nodes [{id, labels, props}], edges [{src, type, dst, ordinal}]:
// the record's directory subtree, turned into ORUK JSON by graph/oruk/serialise.py.
MATCH (sal:ServiceAtLocation) WHERE sal.id IN $ids AND (NOT $public OR NOT EXISTS { (sal)-[:OF_SERVICE]->(x:Service) WHERE NOT coalesce(x.moderation_status, 'approved') = 'approved' })
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
RETURN sal.id AS root, nodes, edges
ORDER BY root
