// A connector refers someone to a service: a Referral in status 'requested'.
// Parameters:
//   $service_id  string  the service referred to
//   $referral    map     Referral properties (id, status, note, referrer_key_id, ...)
//   $audit       map     the AuditEvent's properties
// `receivable`: whether anyone holds a group editor key for an organisation providing the
// service (else nobody will see the referral in commongraph: the connector should phone).
// Returns: zero rows if there is no approved service with that id; else the referral.
MATCH (s:Service {id: $service_id})
WHERE coalesce(s.moderation_status, 'approved') = 'approved'
CREATE (r:Referral)
SET r = $referral, r.service_id = s.id
CREATE (r)-[:TO_SERVICE]->(s)
CREATE (e:AuditEvent)
SET e = $audit
RETURN properties(r) AS props, s.name AS service_name,
       [(o:Organization)-[:PROVIDES]->(s) | o.id] AS organisation_ids,
       EXISTS { MATCH (k:ApiKey) WHERE k.role = 'group_editor' AND NOT coalesce(k.revoked, false)
                AND k.organisation_id IN [(o:Organization)-[:PROVIDES]->(s) | o.id] } AS receivable
