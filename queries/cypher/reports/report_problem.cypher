// Anyone reports a problem with a public listing; it waits in the moderation queue.
// Parameters:
//   $service_id  string  the listing
//   $report      map     {id, message, at, status 'open'}
//   $audit       map     the AuditEvent's properties
// Returns: zero rows if there is no such public listing; else the report's id.
MATCH (s:Service {id: $service_id})
WHERE coalesce(s.moderation_status, 'approved') = 'approved'
CREATE (r:ProblemReport)
SET r = $report
CREATE (r)-[:ABOUT]->(s)
CREATE (e:AuditEvent)
SET e = $audit
RETURN r.id AS id
