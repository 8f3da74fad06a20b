// A shortlist by its share token (readable without a key), or by id for its owner.
// A share token opens nothing once the list is withdrawn or expired (expires_at; lists made
// before expiry existed expire 90 days after they were created).
// Parameters:
//   $token  string|null  share token
//   $id     string|null  shortlist id (owner access)
//   $now    string       ISO date-time now
// Returns: zero or one row: the shortlist's properties and its approved services in order.
MATCH (sh:Shortlist)
WHERE ($token IS NOT NULL AND sh.token = $token
       AND sh.withdrawn_at IS NULL
       AND datetime(coalesce(sh.expires_at,
                             toString(datetime(sh.created_at) + duration('P90D'))))
           > datetime($now))
   OR ($id IS NOT NULL AND sh.id = $id)
CALL (sh) {
  OPTIONAL MATCH (sh)-[r:INCLUDES]->(s:Service)
  WHERE coalesce(s.moderation_status, 'approved') = 'approved'
  WITH r, s ORDER BY r.ordinal, s.id
  RETURN collect(CASE WHEN s IS NULL THEN null
                      ELSE {props: properties(s), added_at: r.added_at} END) AS items
}
RETURN properties(sh) AS props, items
LIMIT 1
