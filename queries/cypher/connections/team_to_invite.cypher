// The members of a team who could be invited to the survey: everyone in it, and whether each
// already holds a key linked to them (those are not invited again).
// Parameters:
//   $team  string  the team's id or ORUK UUID
// Returns: zero rows (no such team) or one row: id, name and members [{id, name, has_key}].
CALL () {
  OPTIONAL MATCH (t:Team) WHERE t.id = $team OR t.oruk_id = $team
  RETURN t ORDER BY t.id = $team DESC LIMIT 1
}
WITH t WHERE t IS NOT NULL
OPTIONAL MATCH (t)<-[:MEMBER_OF]-(m:Person)
WITH t, m ORDER BY m.name, m.id
RETURN t.id AS id, t.name AS name,
       [x IN collect(m) | {id: x.id, name: x.name,
         has_key: EXISTS { MATCH (k:ApiKey {person_id: x.id}) WHERE NOT coalesce(k.revoked, false) }}]
         AS members
