// What waits for a moderator, oldest first: new listings (moderation_status 'pending'),
// changes to public listings (a pending_change) and open problem reports from the public.
// Parameters:
//   $offset, $limit  int  paging
// Returns: kind ('new_listing', 'change' or 'report'), since (when it started waiting), the
// service's properties, the name of the organisation providing it, and for a report its id
// and message.
CALL () {
  MATCH (s:Service)
  WHERE s.moderation_status = 'pending' OR s.pending_change IS NOT NULL
  RETURN s, CASE WHEN s.pending_change IS NOT NULL THEN 'change' ELSE 'new_listing' END AS kind,
         coalesce(s.pending_at, s.created_at) AS since, null AS report_id, null AS message
  UNION
  MATCH (r:ProblemReport {status: 'open'})-[:ABOUT]->(s:Service)
  RETURN s, 'report' AS kind, r.at AS since, r.id AS report_id, r.message AS message
}
RETURN kind, since, properties(s) AS props, report_id, message,
       head([(o:Organization)-[:PROVIDES]->(s) | o.name]) AS organisation
ORDER BY since, s.id
SKIP $offset
LIMIT $limit
