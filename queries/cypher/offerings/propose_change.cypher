// Keep an edit of a public listing as a change waiting for a moderator: the approved content
// stays public until a moderator accepts it (offerings/write_listing) or turns it down
// (offerings/decline_change).
// Parameters:
//   $id         string        service id
//   $version    int           the version the caller read (optimistic lock)
//   $org_scope  string|null   the caller's organisation (group editors); null = any
//   $change     string        the whole proposed content, as JSON
//   $fields     list<string>  the fields it changes
//   $key_id     string|null   who proposed it
//   $now        string        ISO date-time
//   $audit      map           the AuditEvent's properties
// Returns: zero rows if there is no such service; else allowed, fresh and the properties
// after.
MATCH (s:Service {id: $id})
SET s._lock = true
REMOVE s._lock
WITH s, [(o:Organization)-[:PROVIDES]->(s) | o.id] AS orgs
WITH s, ($org_scope IS NULL OR $org_scope IN orgs) AS allowed,
     coalesce(s.version, 0) = $version AS fresh
CALL (s, allowed, fresh) {
  WITH s WHERE allowed AND fresh
  SET s.pending_change = $change, s.pending_fields = $fields, s.pending_at = $now,
      s.pending_by = $key_id, s.moderation_reason = null, s.changes_requested = null,
      s.changes_requested_at = null,
      s.version = coalesce(s.version, 0) + 1, s.updated_at = $now
  CREATE (e:AuditEvent)
  SET e = $audit
}
RETURN allowed, fresh, properties(s) AS props
