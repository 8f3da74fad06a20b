// A shortlist by its share token (readable without a key), or by id for its owner.
// Parameters:
//   $token  string|null  share token
//   $id     string|null  shortlist id (owner access)
// Returns: zero or one row: the shortlist's properties and its approved services in order.
MATCH (sh:Shortlist)
WHERE ($token IS NOT NULL AND sh.token = $token) OR ($id IS NOT NULL AND sh.id = $id)
CALL (sh) {
  OPTIONAL MATCH (sh)-[r:INCLUDES]->(s:Service)
  WHERE coalesce(s.moderation_status, 'approved') = 'approved'
  WITH r, s ORDER BY r.ordinal, s.id
  RETURN collect(CASE WHEN s IS NULL THEN null
                      ELSE {props: properties(s), added_at: r.added_at} END) AS items
}
RETURN properties(sh) AS props, items
LIMIT 1
