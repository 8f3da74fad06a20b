// Withdraw a shortlist's share link: its token opens nothing from now on (the owner keeps
// the list itself).
// Parameters:
//   $id     string       shortlist id
//   $owner  string|null  the caller's key id; null = any owner (admin)
//   $now    string       ISO date-time
//   $audit  map          the AuditEvent's properties
// Returns: zero rows if there is no such shortlist; else owned and the shortlist's properties.
MATCH (sh:Shortlist {id: $id})
WITH sh, ($owner IS NULL OR sh.owner_key_id = $owner) AS owned
CALL (sh, owned) {
  WITH sh WHERE owned
  SET sh.withdrawn_at = coalesce(sh.withdrawn_at, $now), sh.updated_at = $now
  CREATE (e:AuditEvent)
  SET e = $audit
}
RETURN owned, properties(sh) AS props
