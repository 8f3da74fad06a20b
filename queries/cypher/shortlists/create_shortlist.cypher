// Create an empty shortlist owned by the calling API key, with its share token.
// Parameters:
//   $shortlist  map  Shortlist properties (id, name, token, owner_key_id, created_at, ...)
//   $audit      map  the AuditEvent's properties
// Returns: the shortlist's properties.
CREATE (sh:Shortlist)
SET sh = $shortlist
CREATE (e:AuditEvent)
SET e = $audit
RETURN properties(sh) AS props
