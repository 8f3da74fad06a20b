// What waits for a moderator, oldest first: new listings (moderation_status 'pending'),
// changes to public listings (a pending_change) — unless a moderator asked its group for
// changes and the group has not answered yet — open problem reports from the public and
// groups' claims to listings another organisation provides, and referrals nobody can receive
// (no group editor key for the service's organisation; `report_id` holds the referral's id).
// Parameters:
//   $offset, $limit  int  paging
// Returns: kind ('new_listing', 'change', 'report', 'claim' or 'referral'), since (when it started
// waiting), the service's properties, the name of the organisation providing it, for a report
// its id and message, for a claim its id and the claiming organisation's name.
CALL () {
  MATCH (s:Service)
  WHERE (s.moderation_status = 'pending' OR s.pending_change IS NOT NULL)
    AND s.changes_requested IS NULL  // waiting for its group, not for a moderator
  RETURN s, CASE WHEN s.pending_change IS NOT NULL THEN 'change' ELSE 'new_listing' END AS kind,
         coalesce(s.pending_at, s.created_at) AS since, null AS report_id, null AS message,
         null AS claim_id, null AS claimant
  UNION
  MATCH (r:ProblemReport {status: 'open'})-[:ABOUT]->(s:Service)
  RETURN s, 'report' AS kind, r.at AS since, r.id AS report_id, r.message AS message,
         null AS claim_id, null AS claimant
  UNION
  MATCH (c:ClaimRequest {status: 'open'})-[:CLAIMS]->(s:Service)
  OPTIONAL MATCH (o:Organization {id: c.organisation_id})
  RETURN s, 'claim' AS kind, c.at AS since, null AS report_id, null AS message,
         c.id AS claim_id, o.name AS claimant
  UNION
  MATCH (r:Referral {status: 'requested'})-[:TO_SERVICE]->(s:Service)
  WHERE r.unheld_seen_at IS NULL
    AND NOT EXISTS { MATCH (k:ApiKey) WHERE k.role = 'group_editor'
                       AND NOT coalesce(k.revoked, false)
                       AND k.organisation_id IN [(o:Organization)-[:PROVIDES]->(s) | o.id] }
  RETURN s, 'referral' AS kind, r.created_at AS since, r.id AS report_id, r.note AS message,
         null AS claim_id, null AS claimant
}
RETURN kind, since, properties(s) AS props, report_id, message, claim_id, claimant,
       head([(o:Organization)-[:PROVIDES]->(s) | o.name]) AS organisation
ORDER BY since, s.id
SKIP $offset
LIMIT $limit
