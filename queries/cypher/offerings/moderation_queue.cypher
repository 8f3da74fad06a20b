// What waits for a moderator, oldest first: new listings (moderation_status 'pending') and
// changes to public listings (a pending_change).
// Parameters:
//   $offset, $limit  int  paging
// Returns: kind ('new_listing' or 'change'), since (when it started waiting), the service's
// properties and the name of the organisation providing it.
MATCH (s:Service)
WHERE s.moderation_status = 'pending' OR s.pending_change IS NOT NULL
WITH s,
     CASE WHEN s.pending_change IS NOT NULL THEN 'change' ELSE 'new_listing' END AS kind,
     coalesce(s.pending_at, s.created_at) AS since
RETURN kind, since, properties(s) AS props,
       head([(o:Organization)-[:PROVIDES]->(s) | o.name]) AS organisation
ORDER BY since, s.id
SKIP $offset
LIMIT $limit
