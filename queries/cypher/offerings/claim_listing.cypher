// A group claims a listing no organisation provides yet (an orphan from a feed).
// Parameters:
//   $id               string  service id
//   $organisation_id  string  the claiming organisation
//   $key_id           string|null  the claiming API key (recorded on the PROVIDES edge)
//   $now              string  ISO date-time
//   $audit            map     the AuditEvent's properties
// Returns: zero rows if there is no such service; else the providing organisations before
// the claim, whether the claiming organisation exists, whether the claim was made, props.
MATCH (s:Service {id: $id})
// Take the service's write lock BEFORE reading its version and providers: a concurrent
// edit then waits for this one to commit and reads what it wrote (no lost update).
SET s._lock = true
REMOVE s._lock
WITH s, [(o:Organization)-[:PROVIDES]->(s) | o.id] AS orgs
OPTIONAL MATCH (mine:Organization {id: $organisation_id})
WITH s, orgs, mine, (size(orgs) = 0 AND mine IS NOT NULL) AS claimable
CALL (s, mine, claimable) {
  WITH s, mine WHERE claimable
  CREATE (mine)-[:PROVIDES {claimed_at: $now, claimed_by: $key_id}]->(s)
  SET s.version = coalesce(s.version, 0) + 1, s.updated_at = $now
  CREATE (e:AuditEvent)
  SET e = $audit
}
RETURN orgs, mine IS NOT NULL AS organisation_exists, claimable, properties(s) AS props
