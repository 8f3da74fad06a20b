// Store a new API key (only its sha256 hash) with the role and organisation it grants.
// Parameters:
//   $id               string  public key id (the prefix printed before the secret)
//   $key_hash         string  hex sha256 of the whole key
//   $role             string  one of the roles in api/auth/roles.py (checked before this runs)
//   $organisation_id  string|null  the organisation a group_editor key is scoped to
//   $key_name         string|null  who or what the key is for
//   $person_id        string|null  the Person the key stands for (connections survey)
//   $now              string  ISO date-time of creation
// Returns: the stored key's public fields.
CREATE (k:ApiKey {
  id: $id, key_hash: $key_hash, role: $role, organisation_id: $organisation_id,
  name: $key_name, created_at: $now, revoked: false, person_id: $person_id
})
RETURN k.id AS id, k.role AS role, k.organisation_id AS organisation_id, k.name AS name,
       k.created_at AS created_at, k.person_id AS person_id
