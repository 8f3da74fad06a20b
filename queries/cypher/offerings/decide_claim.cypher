// A moderator decides a group's claim to a listing another organisation provides: approved,
// the listing moves to the claiming organisation (the previous providers' PROVIDES edges are
// replaced); rejected, it stays, and the reason is kept on the claim.
// Parameters:
//   $id       string       the claim
//   $approve  boolean      move the listing (true) or turn the claim down
//   $reason   string|null  why (for a rejection)
//   $key_id   string|null  the moderator's key
//   $now      string       ISO date-time
//   $audit    map          the AuditEvent's properties
// Returns: zero rows if there is no open claim with this id; else the service's properties.
MATCH (c:ClaimRequest {id: $id, status: 'open'})-[:CLAIMS]->(s:Service)
MATCH (claimant:Organization {id: c.organisation_id})
SET s._lock = true
REMOVE s._lock
SET c.status = CASE WHEN $approve THEN 'approved' ELSE 'rejected' END, c.reason = $reason,
    c.decided_at = $now
WITH c, s, claimant
CALL (s, claimant) {
  WITH s, claimant WHERE $approve
  OPTIONAL MATCH (:Organization)-[old:PROVIDES]->(s)
  DELETE old
  WITH DISTINCT s, claimant
  CREATE (claimant)-[:PROVIDES {transferred_at: $now, transferred_by: $key_id}]->(s)
  SET s.version = coalesce(s.version, 0) + 1, s.updated_at = $now
}
CREATE (e:AuditEvent)
SET e = $audit
RETURN properties(s) AS props
