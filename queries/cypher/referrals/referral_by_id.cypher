// One referral with the organisations of the service it is sent to.
// Parameters:
//   $id  string  referral id
// `receivable`: whether anyone holds a group editor key for an organisation providing the
// service (else nobody will see the referral in commongraph: the connector should phone).
// Returns: zero or one row.
MATCH (r:Referral {id: $id})-[:TO_SERVICE]->(s:Service)
RETURN properties(r) AS props, s.name AS service_name,
       [(o:Organization)-[:PROVIDES]->(s) | o.id] AS organisation_ids,
       EXISTS { MATCH (k:ApiKey) WHERE k.role = 'group_editor' AND NOT coalesce(k.revoked, false)
                AND k.organisation_id IN [(o:Organization)-[:PROVIDES]->(s) | o.id] } AS receivable
