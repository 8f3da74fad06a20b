// Ids of approved services for the load mix's detail reads, in a stable order.
// Parameters:
//   $limit  int  how many
// Returns: id per row.
MATCH (s:Service)
WHERE coalesce(s.moderation_status, 'approved') = 'approved'
RETURN s.id AS id
ORDER BY s.id
LIMIT $limit
