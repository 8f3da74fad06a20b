// Warm introductions: all shortest paths (up to 6 steps, at most $max_paths of them) between
// two nodes, through people who know each other first. Tiers, the first that finds a path wins:
//   people         KNOWS, WORKS_WITH (people who know or work with each other)
//   organisations  also WORKS_FOR, MEMBER_OF (colleagues, members of the same team or group)
//   places         also REFERS_TO, PROVIDES (two people who use the same service), only
//                  when $via_places is true: sharing a place is not knowing someone.
// Parameters:
//   $from_id, $to_id  string  the two ends (different; checked in code): ids or ORUK UUIDs
//   $max_paths        int     cap on the number of paths
//   $via_places       boolean whether the third tier may be used
// Returns: one row: whether each end exists, the tier used (null: no path), and the paths as
// node and step lists.
CALL () {
  OPTIONAL MATCH (a:Entity) WHERE a.id = $from_id OR a.oruk_id = $from_id
  RETURN a ORDER BY a.id = $from_id DESC LIMIT 1
}
CALL () {
  OPTIONAL MATCH (b:Entity) WHERE b.id = $to_id OR b.oruk_id = $to_id
  RETURN b ORDER BY b.id = $to_id DESC LIMIT 1
}
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = allShortestPaths((a)-[:KNOWS|WORKS_WITH*..6]-(b))
  WITH p LIMIT $max_paths
  RETURN collect(p) AS people
}
CALL (a, b, people) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND size(people) = 0
  MATCH p = allShortestPaths((a)-[:KNOWS|WORKS_WITH|WORKS_FOR|MEMBER_OF*..6]-(b))
  WITH p LIMIT $max_paths
  RETURN collect(p) AS organisations
}
CALL (a, b, people, organisations) {
  WITH a, b
  WHERE a IS NOT NULL AND b IS NOT NULL AND $via_places
    AND size(people) = 0 AND size(organisations) = 0
  MATCH p = allShortestPaths(
    (a)-[:KNOWS|WORKS_WITH|WORKS_FOR|MEMBER_OF|REFERS_TO|PROVIDES*..6]-(b))
  WITH p LIMIT $max_paths
  RETURN collect(p) AS places
}
WITH a, b,
     CASE WHEN size(people) > 0 THEN 'people'
          WHEN size(organisations) > 0 THEN 'organisations'
          WHEN size(places) > 0 THEN 'places' END AS through,
     people + organisations + places AS found
RETURN a IS NOT NULL AS from_exists, b IS NOT NULL AS to_exists, through,
       [p IN found | {
         nodes: [n IN nodes(p) | {
           id: n.id, name: n.name, name_cy: n.name_cy, tribe: n.tribe, sector: n.sector, source: n.source,
           kind: [l IN ['Person', 'Organization', 'Service', 'Team'] WHERE l IN labels(n)][0]}],
         steps: [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id,
                                          type: type(r),
                                          weight: coalesce(r.strength, r.weight, r.count, 1.0)}]
       }] AS paths
