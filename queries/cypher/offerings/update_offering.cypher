// Change an offering's fields if the caller may and its version is the one they read.
// Parameters:
//   $id         string       service id
//   $version    int          the version the caller read (optimistic lock)
//   $org_scope  string|null  the caller's organisation (group editors); null = any
//   $changes    map          new property values (keys from an allow-list in code; null clears)
//   $now        string       ISO date-time of the change
//   $audit      map          the AuditEvent's properties
// Returns: zero rows if there is no such service; else allowed, fresh, the service's
// properties after the change (unchanged if not allowed or not fresh).
MATCH (s:Service {id: $id})
// Take the service's write lock BEFORE reading its version and providers: a concurrent
// edit then waits for this one to commit and reads what it wrote (no lost update).
SET s._lock = true
REMOVE s._lock
WITH s, [(o:Organization)-[:PROVIDES]->(s) | o.id] AS orgs
WITH s, orgs, ($org_scope IS NULL OR $org_scope IN orgs) AS allowed,
     coalesce(s.version, 0) = $version AS fresh
CALL (s, allowed, fresh) {
  WITH s WHERE allowed AND fresh
  SET s += $changes, s.version = coalesce(s.version, 0) + 1, s.updated_at = $now
  CREATE (e:AuditEvent)
  SET e = $audit
}
RETURN allowed, fresh, orgs, properties(s) AS props
