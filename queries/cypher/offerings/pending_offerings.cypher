// Offerings waiting for a moderator, oldest first.
// Parameters:
//   $offset  int  rows to skip
//   $limit   int  page size + 1
// Returns: one row per pending service with its properties.
MATCH (s:Service)
WHERE s.moderation_status = 'pending'
RETURN properties(s) AS props
ORDER BY s.created_at, s.id
SKIP $offset
LIMIT $limit
