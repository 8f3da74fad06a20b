// A person erases a tie they recorded; the audit event keeps who and when, not the tie.
// Parameters:
//   $person_id  string  the caller's Person
//   $id         string  the tie's id
//   $audit      map     the AuditEvent's properties
// Returns: zero rows when the person did not record a tie with this id; else erased = 1.
MATCH (p:Person {id: $person_id})-[r:KNOWS|WORKS_WITH {id: $id}]->(:Entity)
WHERE r.source = 'survey' AND r.recorded_by_person = p.id
DELETE r
CREATE (e:AuditEvent)
SET e = $audit
RETURN 1 AS erased
