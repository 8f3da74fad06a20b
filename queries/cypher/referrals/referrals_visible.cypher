// Referrals a caller may see: those it sent (its key or its organisation) and those sent to
// services its organisation provides; everything for admins.
// Parameters:
//   $all              bool         admin: every referral
//   $key_id           string|null  the caller's key id
//   $organisation_id  string|null  the caller's organisation
//   $status           string|null  only this status
//   $limit            int          how many, newest first
// Returns: one row per referral, with `receivable` (anyone holds a group editor key for an
// organisation providing the service) and `referred_by` (the referring organisation's name,
// else the name its key was issued under, e.g. "Llandudno connectors").
MATCH (r:Referral)-[:TO_SERVICE]->(s:Service)
WITH r, s, [(o:Organization)-[:PROVIDES]->(s) | o.id] AS organisation_ids
WHERE ($status IS NULL OR r.status = $status)
  AND ($all
       OR ($key_id IS NOT NULL AND r.referrer_key_id = $key_id)
       OR ($organisation_id IS NOT NULL AND r.referrer_organisation_id = $organisation_id)
       OR ($organisation_id IS NOT NULL AND $organisation_id IN organisation_ids))
RETURN properties(r) AS props, s.name AS service_name, organisation_ids,
       coalesce(COLLECT { MATCH (o:Organization {id: r.referrer_organisation_id}) RETURN o.name }[0],
                COLLECT { MATCH (k:ApiKey {id: r.referrer_key_id}) RETURN k.name }[0])
         AS referred_by,
       EXISTS { MATCH (k:ApiKey) WHERE k.role = 'group_editor' AND NOT coalesce(k.revoked, false)
                AND k.organisation_id IN [(o:Organization)-[:PROVIDES]->(s) | o.id] } AS receivable
ORDER BY r.created_at DESC, r.id
LIMIT $limit
