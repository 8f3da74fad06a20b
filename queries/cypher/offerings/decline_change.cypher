// A moderator turns down the change waiting on a public listing: the change is dropped, the
// approved content stays, and the reason is kept for the group to read.
// Parameters:
//   $id      string       service id
//   $reason  string|null  why
//   $now     string       ISO date-time
//   $audit   map          the AuditEvent's properties
// Returns: zero rows if the service has no waiting change; else its properties after.
MATCH (s:Service {id: $id})
WHERE s.pending_change IS NOT NULL
REMOVE s.pending_change, s.pending_fields, s.pending_at, s.pending_by, s.changes_requested,
       s.changes_requested_at
SET s.moderation_reason = $reason, s.moderated_at = $now,
    s.version = coalesce(s.version, 0) + 1, s.updated_at = $now
CREATE (e:AuditEvent)
SET e = $audit
RETURN properties(s) AS props
