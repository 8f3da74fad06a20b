// Move a referral to a new status if it is still in the status the caller saw.
// Parameters:
//   $id           string  referral id
//   $from_status  string  the status it must have now (compare-and-set)
//   $to_status    string  the new status (checked against the allowed transitions in code)
//   $reason       string|null  why (kept when declining; shown to the referrer)
//   $now          string  ISO date-time
//   $audit        map     the AuditEvent's properties
// `receivable`: whether anyone holds a group editor key for an organisation providing the
// service (else nobody will see the referral in commongraph: the connector should phone).
// Returns: zero rows if the referral is gone or its status changed meanwhile.
MATCH (r:Referral {id: $id})-[:TO_SERVICE]->(s:Service)
WHERE r.status = $from_status
SET r.status = $to_status, r.updated_at = $now,
    r.reason = CASE WHEN $reason IS NULL THEN r.reason ELSE $reason END
CREATE (e:AuditEvent)
SET e = $audit
RETURN properties(r) AS props, s.name AS service_name,
       [(o:Organization)-[:PROVIDES]->(s) | o.id] AS organisation_ids,
       EXISTS { MATCH (k:ApiKey) WHERE k.role = 'group_editor' AND NOT coalesce(k.revoked, false)
                AND k.organisation_id IN [(o:Organization)-[:PROVIDES]->(s) | o.id] } AS receivable
