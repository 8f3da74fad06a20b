// Add a service to, or remove it from, a shortlist the caller owns.
// Parameters:
//   $id        string       shortlist id
//   $owner     string|null  the caller's key id; null = any owner (admin)
//   $service_id string      the service to add or remove
//   $add       bool         true to add, false to remove
//   $now       string       ISO date-time
//   $audit     map          the AuditEvent's properties
// Returns: zero rows if there is no such shortlist; else owned, service_exists, props.
MATCH (sh:Shortlist {id: $id})
OPTIONAL MATCH (s:Service {id: $service_id})
WITH sh, s, ($owner IS NULL OR sh.owner_key_id = $owner) AS owned
CALL (sh, s, owned) {
  WITH sh, s WHERE owned AND s IS NOT NULL AND $add
  WITH sh, s, COUNT { (sh)-[:INCLUDES]->() } AS size
  MERGE (sh)-[r:INCLUDES]->(s)
  ON CREATE SET r.added_at = $now, r.ordinal = size
  SET sh.updated_at = $now
  CREATE (e:AuditEvent)
  SET e = $audit
}
CALL (sh, s, owned) {
  WITH sh, s WHERE owned AND s IS NOT NULL AND NOT $add
  OPTIONAL MATCH (sh)-[r:INCLUDES]->(s)
  DELETE r
  SET sh.updated_at = $now
  CREATE (e:AuditEvent)
  SET e = $audit
}
RETURN owned, s IS NOT NULL AS service_exists, properties(sh) AS props
