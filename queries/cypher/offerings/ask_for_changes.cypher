// A moderator asks a group to change a new listing, or the change it proposed to a public
// listing, before deciding: the listing leaves the queue until the group edits it again (an
// edit clears the request); the group reads the request on its listing.
// Parameters:
//   $id       string  service id
//   $request  string  what should change
//   $now      string  ISO date-time
//   $audit    map     the AuditEvent's properties
// Returns: zero rows if there is no such service; else waiting (whether anything waited for
// a decision) and the properties after.
MATCH (s:Service {id: $id})
WITH s, (s.moderation_status = 'pending' OR s.pending_change IS NOT NULL) AS waiting
CALL (s, waiting) {
  WITH s WHERE waiting
  SET s.changes_requested = $request, s.changes_requested_at = $now, s.updated_at = $now
  CREATE (e:AuditEvent)
  SET e = $audit
}
RETURN waiting, properties(s) AS props
