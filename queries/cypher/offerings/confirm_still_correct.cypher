// Record that a listing is still correct: who (VERIFIED edge from the caller's API key) and
// when (last_verified), with its audit event.
// Parameters:
//   $id         string       service id
//   $org_scope  string|null  the caller's organisation (group editors); null = any
//   $key_id     string|null  the caller's API key id
//   $now        string       ISO date-time
//   $audit      map          the AuditEvent's properties
// Returns: zero rows if there is no such service; else allowed, orgs and the properties.
MATCH (s:Service {id: $id})
WITH s, [(o:Organization)-[:PROVIDES]->(s) | o.id] AS orgs
WITH s, orgs, ($org_scope IS NULL OR $org_scope IN orgs) AS allowed
CALL (s, allowed) {
  WITH s WHERE allowed
  SET s.last_verified = $now, s.updated_at = $now
  WITH s
  OPTIONAL MATCH (k:ApiKey {id: $key_id})
  FOREACH (x IN CASE WHEN k IS NULL THEN [] ELSE [k] END |
    CREATE (x)-[:VERIFIED {at: $now}]->(s))
  CREATE (e:AuditEvent)
  SET e = $audit
}
RETURN allowed, orgs, properties(s) AS props
