// Undo a merge: the duplicate is a listing of its own again, with the status it had before.
// Parameters:
//   $id     string  the merged listing
//   $now    string  ISO date-time
//   $audit  map     the AuditEvent's properties
// Returns: zero rows if the listing is not merged into another; else its properties after.
MATCH (dup:Service {id: $id})-[same:SAME_AS]->(:Service)
WHERE dup.moderation_status = 'merged'
DELETE same
SET dup.moderation_status = coalesce(dup.premerge_status, 'approved'),
    dup.version = coalesce(dup.version, 0) + 1, dup.updated_at = $now
REMOVE dup.premerge_status, dup.merged_into
CREATE (e:AuditEvent)
SET e = $audit
RETURN properties(dup) AS props
