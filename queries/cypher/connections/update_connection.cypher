// A person changes how they describe a tie they recorded (how, how often, since).
// Parameters:
//   $person_id  string  the caller's Person
//   $id         string  the tie's id
//   $changes    map     how, frequency, since, strength, weight, updated_at
//   $audit      map     the AuditEvent's properties
// Returns: zero rows when the person did not record a tie with this id; else its id.
MATCH (p:Person {id: $person_id})-[r:KNOWS|WORKS_WITH {id: $id}]->(:Entity)
WHERE r.source = 'survey' AND r.recorded_by_person = p.id
SET r += $changes
CREATE (e:AuditEvent)
SET e = $audit
RETURN r.id AS id
