// The neighbourhood of a person, organisation, service or team up to $hops steps, nearest
// first, capped at $limit nodes, with every relationship among the nodes kept.
// Steps follow relationships between people and organisations only (KNOWS, WORKS_WITH,
// WORKS_FOR, MEMBER_OF, REFERS_TO, PROVIDES); area and need hubs are not crossed.
// Parameters:
//   $id     string  the centre's id, or the ORUK UUID it is published under
//   $hops   int     1, 2 or 3 (checked in code)
//   $limit  int     node cap
// Returns: zero rows if there is no such node; else nodes (with hop), edges, truncated.
MATCH (c:Entity)
WHERE (c.id = $id OR c.oruk_id = $id)
  AND (c:Person OR c:Organization OR c:Service OR c:Team)
WITH c ORDER BY c.id = $id DESC LIMIT 1
CALL (c) {
  OPTIONAL MATCH (c)-[:KNOWS|WORKS_WITH|WORKS_FOR|MEMBER_OF|REFERS_TO|PROVIDES]-(a:Entity)
  WITH DISTINCT a ORDER BY a.id
  RETURN collect(a)[0..$limit] AS h1
}
CALL (c, h1) {
  UNWIND CASE WHEN $hops >= 2 THEN h1 ELSE [] END AS x
  MATCH (x)-[:KNOWS|WORKS_WITH|WORKS_FOR|MEMBER_OF|REFERS_TO|PROVIDES]-(b:Entity)
  WHERE b <> c AND NOT b IN h1
  WITH DISTINCT b ORDER BY b.id
  RETURN collect(b)[0..$limit] AS h2
}
CALL (c, h1, h2) {
  UNWIND CASE WHEN $hops >= 3 THEN h2 ELSE [] END AS x
  MATCH (x)-[:KNOWS|WORKS_WITH|WORKS_FOR|MEMBER_OF|REFERS_TO|PROVIDES]-(d:Entity)
  WHERE d <> c AND NOT d IN h1 AND NOT d IN h2
  WITH DISTINCT d ORDER BY d.id
  RETURN collect(d)[0..$limit] AS h3
}
WITH [{n: c, hop: 0}] + [x IN h1 | {n: x, hop: 1}] + [x IN h2 | {n: x, hop: 2}]
     + [x IN h3 | {n: x, hop: 3}] AS reached
WITH reached[0..$limit] AS kept, size(reached) > $limit AS truncated
WITH kept, truncated, [k IN kept | k.n] AS members
CALL (members) {
  UNWIND members AS a
  MATCH (a)-[r:KNOWS|WORKS_WITH|WORKS_FOR|MEMBER_OF|REFERS_TO|PROVIDES]->(b)
  WHERE b IN members
  RETURN collect({source: a.id, target: b.id, type: type(r),
                  weight: coalesce(r.strength, r.weight, r.count, 1.0)}) AS edges
}
RETURN [k IN kept | {
          id: k.n.id, name: k.n.name, name_cy: k.n.name_cy, hop: k.hop, tribe: k.n.tribe, sector: k.n.sector,
          source: k.n.source,
          kind: [l IN ['Person', 'Organization', 'Service', 'Team'] WHERE l IN labels(k.n)][0]
        }] AS nodes,
       edges, truncated
