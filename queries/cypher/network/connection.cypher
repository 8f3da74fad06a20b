// All shortest paths (up to 6 steps, at most $max_paths of them) between two nodes through
// people, organisations, teams and services: the "warm introduction" route.
// Parameters:
//   $from_id, $to_id  string  the two ends (different; checked in code)
//   $max_paths        int     cap on the number of paths
// Returns: one row: whether each end exists, and the paths as node and step lists.
OPTIONAL MATCH (a:Entity {id: $from_id})
OPTIONAL MATCH (b:Entity {id: $to_id})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = allShortestPaths(
    (a)-[:KNOWS|WORKS_WITH|WORKS_FOR|MEMBER_OF|REFERS_TO|PROVIDES*..6]-(b))
  WITH p LIMIT $max_paths
  RETURN collect({
    nodes: [n IN nodes(p) | {
      id: n.id, name: n.name, tribe: n.tribe, sector: n.sector,
      kind: [l IN ['Person', 'Organization', 'Service', 'Team'] WHERE l IN labels(n)][0]}],
    steps: [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id,
                                     type: type(r),
                                     weight: coalesce(r.strength, r.weight, r.count, 1.0)}]
  }) AS paths
}
RETURN a IS NOT NULL AS from_exists, b IS NOT NULL AS to_exists, paths
