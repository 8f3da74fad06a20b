// People matching a filter and the KNOWS / WORKS_WITH ties among them, for a sigma.js map;
// the best-connected people first, capped at $limit nodes.
// Parameters:
//   $area_id          string|null  people in teams serving this area or an area inside it,
//                                  or working for organisations in or serving it
//   $tribe            string|null  e.g. 'gp', 'social_worker'
//   $sector           string|null  sector of the organisation they work for
//   $organisation_id  string|null  the organisation they work for
//   $limit            int          node cap
// Returns: one row: nodes, edges, matched (before the cap), truncated.
MATCH (p:Person)
WHERE ($tribe IS NULL OR p.tribe = $tribe)
  AND ($organisation_id IS NULL
       OR EXISTS { MATCH (p)-[:WORKS_FOR]->(:Organization {id: $organisation_id}) })
  AND ($sector IS NULL
       OR EXISTS { MATCH (p)-[:WORKS_FOR]->(o:Organization) WHERE o.sector = $sector })
  AND ($area_id IS NULL
       OR EXISTS { MATCH (p)-[:MEMBER_OF]->(:Team)-[:SERVES_AREA]->(:Area)
                         -[:PART_OF*0..]->(:Area {id: $area_id}) }
       OR EXISTS { MATCH (p)-[:WORKS_FOR]->(:Organization)-[:IN_AREA|SERVES_AREA]->(:Area)
                         -[:PART_OF*0..]->(:Area {id: $area_id}) })
WITH p, COUNT { (p)-[:KNOWS|WORKS_WITH]-() } AS degree
ORDER BY degree DESC, p.id
WITH collect(p) AS matched_people
WITH matched_people[0..$limit] AS kept, size(matched_people) AS matched
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r:KNOWS|WORKS_WITH]->(b:Person)
  WHERE b IN kept
  RETURN collect({source: a.id, target: b.id, type: type(r),
                  weight: coalesce(r.strength, r.weight, 1.0)}) AS edges
}
RETURN [p IN kept | {
          id: p.id, name: p.name, tribe: p.tribe, kind: 'Person', source: p.source,
          organisation_id: [(p)-[:WORKS_FOR]->(o:Organization) | o.id][0],
          sector: [(p)-[:WORKS_FOR]->(o:Organization) | o.sector][0]
        }] AS nodes,
       edges, matched, matched > $limit AS truncated
