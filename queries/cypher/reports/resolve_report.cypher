// A moderator closes a problem report (after putting the listing right, or finding nothing
// wrong), with a note.
// Parameters:
//   $id     string       the report
//   $note   string|null  what was done
//   $now    string       ISO date-time
//   $audit  map          the AuditEvent's properties
// Returns: zero rows if there is no open report with this id; else the listing's properties.
MATCH (r:ProblemReport {id: $id, status: 'open'})-[:ABOUT]->(s:Service)
SET r.status = 'resolved', r.note = $note, r.resolved_at = $now
CREATE (e:AuditEvent)
SET e = $audit
RETURN properties(s) AS props
