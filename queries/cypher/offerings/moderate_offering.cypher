// A moderator approves or rejects an offering.
// Parameters:
//   $id           string        service id
//   $status       string        'approved' or 'rejected' (chosen in code, never from a client)
//   $from_states  list<string>  moderation states this decision may be taken from
//   $reason       string|null   why (kept on the service)
//   $now          string        ISO date-time
//   $audit        map           the AuditEvent's properties
// Returns: zero rows if there is no such service; else the state before, whether the
// decision was taken, and the properties after.
MATCH (s:Service {id: $id})
WITH s, coalesce(s.moderation_status, 'approved') AS before
WITH s, before, before IN $from_states AS allowed
CALL (s, allowed) {
  WITH s WHERE allowed
  SET s.moderation_status = $status, s.moderation_reason = $reason, s.moderated_at = $now,
      s.changes_requested = null, s.changes_requested_at = null,
      s.version = coalesce(s.version, 0) + 1, s.updated_at = $now
  CREATE (e:AuditEvent)
  SET e = $audit
}
RETURN before, allowed, properties(s) AS props
