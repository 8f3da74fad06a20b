// The audit trail, newest first, optionally for one target.
// Parameters:
//   $target_id  string|null  id of the changed node (null = all events)
//   $limit      int          how many events
// Returns: one row per event.
MATCH (e:AuditEvent)
WHERE $target_id IS NULL OR e.target_id = $target_id
RETURN e.id AS id, e.at AS at, e.operation AS operation, e.target_id AS target_id,
       e.actor_key_id AS actor_key_id, e.actor_role AS actor_role,
       e.actor_organisation_id AS actor_organisation_id,
       coalesce(e.changed_fields, []) AS changed_fields
ORDER BY e.at DESC, e.id
LIMIT $limit
