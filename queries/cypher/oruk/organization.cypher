// One Organization by id (its node id or its published ORUK UUID `oruk_id`), fully nested.
// Parameters:
//   $id      string
//   $public  bool: true hides services whose moderation_status is not 'approved'
//   $with_services  bool: nest the organisation's services (and their service-at-locations)
// Returns per record: root (node id), nodes [{id, labels, props}], edges [{src, type, dst, ordinal}]:
// the record's directory subtree, turned into ORUK JSON by graph/oruk/serialise.py.
CALL {
  MATCH (o:Organization {id: $id}) RETURN o
  UNION
  MATCH (o:Organization) WHERE o.oruk_id = $id RETURN o
}
WITH o WHERE true
WITH o LIMIT 1
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
RETURN o.id AS root, nodes, edges
