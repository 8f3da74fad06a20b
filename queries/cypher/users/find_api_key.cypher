// The unrevoked API key with this hash, if any.
// Parameters:
//   $key_hash  string  hex sha256 of the presented bearer key
// Returns: zero or one row with the key's public fields.
MATCH (k:ApiKey {key_hash: $key_hash})
WHERE NOT coalesce(k.revoked, false)
RETURN k.id AS id, k.role AS role, k.organisation_id AS organisation_id, k.name AS name,
       k.created_at AS created_at, k.person_id AS person_id
LIMIT 1
