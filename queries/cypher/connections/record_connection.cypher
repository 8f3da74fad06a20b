// A person records a tie of their own ("I work with ..."): (me)-[:KNOWS|WORKS_WITH]->(other).
// The type comes from an allow-list checked in code (KNOWS only to a person); a tie of that
// type already recorded by them to the same node is refused, not doubled.
// Parameters:
//   $person_id  string  the caller's Person
//   $target     string  the other end: a graph id or the ORUK UUID it is published under
//   $kind       string  'KNOWS' or 'WORKS_WITH'
//   $labels     list<string>  the labels the other end may have for this kind
//   $tie        map     id, how, frequency, since, strength, weight, source, recorded_by_key,
//                       recorded_by_person, recorded_at, updated_at
//   $audit      map     the AuditEvent's properties
// Returns: zero rows when the person or the other end is missing (or not allowed for $kind);
// else one row: created (false when the same tie was already recorded), id (of the tie).
MATCH (p:Person {id: $person_id})
CALL () {
  OPTIONAL MATCH (o:Entity) WHERE o.id = $target OR o.oruk_id = $target
  RETURN o ORDER BY o.id = $target DESC LIMIT 1
}
WITH p, o
WHERE o IS NOT NULL AND o <> p AND any(l IN labels(o) WHERE l IN $labels)
OPTIONAL MATCH (p)-[old:KNOWS|WORKS_WITH {source: 'survey'}]->(o)
WHERE type(old) = $kind AND old.recorded_by_person = p.id
WITH p, o, head(collect(old.id)) AS existing
FOREACH (_ IN CASE WHEN existing IS NULL AND $kind = 'KNOWS' THEN [1] ELSE [] END |
  CREATE (p)-[r:KNOWS]->(o) SET r = $tie)
FOREACH (_ IN CASE WHEN existing IS NULL AND $kind = 'WORKS_WITH' THEN [1] ELSE [] END |
  CREATE (p)-[r:WORKS_WITH]->(o) SET r = $tie)
FOREACH (_ IN CASE WHEN existing IS NULL THEN [1] ELSE [] END |
  CREATE (e:AuditEvent) SET e = $audit)
RETURN existing IS NULL AS created, coalesce(existing, $tie.id) AS id
