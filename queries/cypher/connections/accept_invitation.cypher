// Someone opens their invitation link: the invitation is used up and a key linked to their
// Person is stored (only its hash), in one transaction.
// Parameters:
//   $code_hash  string  hex sha256 of the code in the link
//   $now        string  ISO date-time
//   $key        map     the ApiKey's properties (id, key_hash, role, name, created_at, revoked)
// Returns: zero rows when the code is unknown, used or expired; else the person's id, name.
MATCH (i:Invitation {code_hash: $code_hash})
WHERE i.used_at IS NULL AND i.expires_at > $now
MATCH (p:Person {id: i.person_id})
SET i.used_at = $now
CREATE (k:ApiKey)
SET k = $key, k.person_id = p.id
RETURN p.id AS person_id, p.name AS name, k.id AS key_id
