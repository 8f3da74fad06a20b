// Invitations to the survey, one per person; only the hash of each code is stored. An open
// invitation of the same person is replaced (its code stops working).
// Parameters:
//   $rows   list of maps {id, person_id, code_hash}
//   $team   string  the team invited
//   $by     string|null  the inviting key's id
//   $now, $expires_at  string  ISO date-times
//   $audit  map     the AuditEvent's properties
// Returns: created (invitations written).
UNWIND $rows AS row
MATCH (p:Person {id: row.person_id})
OPTIONAL MATCH (old:Invitation {person_id: p.id}) WHERE old.used_at IS NULL
DETACH DELETE old
WITH DISTINCT p, row
CREATE (i:Invitation {id: row.id, person_id: p.id, code_hash: row.code_hash, team_id: $team,
                      created_by: $by, created_at: $now, expires_at: $expires_at})
WITH count(i) AS created
CREATE (e:AuditEvent)
SET e = $audit
RETURN created
