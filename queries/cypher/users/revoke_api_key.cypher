// Revoke a key: from the next request on it is refused (find_api_key skips revoked keys).
// Parameters:
//   $id   string  the key's public id
//   $now  string  ISO date-time of the revocation
// Returns: zero rows when no key has this id, else one row: id, was_revoked (already before).
MATCH (k:ApiKey {id: $id})
WITH k, coalesce(k.revoked, false) AS was_revoked
SET k.revoked = true, k.revoked_at = coalesce(k.revoked_at, $now)
RETURN k.id AS id, was_revoked
