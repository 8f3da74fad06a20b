// Erase a person: the Person node and every relationship it has, their survey invitations,
// and the keys linked to them (revoked and unlinked), in one transaction; record that an
// erasure happened (no personal data: the event holds the id's hash).
// Parameters:
//   $id     string  the Person's id
//   $now    string  ISO date-time (when linked keys are revoked)
//   $audit  map     the AuditEvent's properties (id, at, operation, target_id = the id's
//                   sha256, actor_key_id, actor_role, actor_organisation_id, changed_fields)
// Returns: zero rows when there is no Person with this id; else one row with
// relationships (how many were removed) and event (the AuditEvent's id).
MATCH (p:Person {id: $id})
WITH p, COUNT { (p)--() } AS relationships
CALL (p) {
  OPTIONAL MATCH (i:Invitation {person_id: p.id})
  DETACH DELETE i
}
CALL (p) {
  OPTIONAL MATCH (k:ApiKey {person_id: p.id})
  SET k.revoked = true, k.revoked_at = coalesce(k.revoked_at, $now), k.person_id = null,
      k.name = null
}
DETACH DELETE p
WITH relationships
CREATE (e:AuditEvent)
SET e = $audit, e.relationships_removed = relationships
RETURN relationships, e.id AS event
