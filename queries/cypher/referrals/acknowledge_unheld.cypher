// A moderator has seen a referral that nobody can receive (no group editor key for any
// organisation providing the service) and dealt with it outside commongraph.
// Parameters:
//   $id     string  the referral
//   $now    string  ISO date-time
//   $audit  map     the AuditEvent's properties
// Returns: zero rows if there is no such referral; else the service's properties.
MATCH (r:Referral {id: $id})-[:TO_SERVICE]->(s:Service)
SET r.unheld_seen_at = $now
CREATE (e:AuditEvent)
SET e = $audit
RETURN properties(s) AS props
