// Every API key's public side (never its hash), newest first.
// Parameters: none.
// Returns: one row per key: id, role, organisation_id, name, created_at, revoked, revoked_at.
MATCH (k:ApiKey)
RETURN k.id AS id, k.role AS role, k.organisation_id AS organisation_id, k.name AS name,
       k.created_at AS created_at, k.person_id AS person_id, coalesce(k.revoked, false) AS revoked,
       k.revoked_at AS revoked_at
ORDER BY k.created_at DESC, k.id
