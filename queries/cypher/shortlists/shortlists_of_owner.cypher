// The shortlists an API key owns, newest first.
// Parameters:
//   $owner  string  the caller's key id
//   $limit  int     how many
// Returns: one row per shortlist with its properties and item count.
MATCH (sh:Shortlist {owner_key_id: $owner})
RETURN properties(sh) AS props, COUNT { (sh)-[:INCLUDES]->() } AS size
ORDER BY sh.created_at DESC, sh.id
LIMIT $limit
