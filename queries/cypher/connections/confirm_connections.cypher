// A person says their list of connections is complete (as of now): they count as having
// answered the survey even with no ties to add.
// Parameters:
//   $person_id  string  the caller's Person
//   $now        string  ISO date-time
// Returns: zero rows (no such person) or one row: confirmed_at.
MATCH (p:Person {id: $person_id})
SET p.connections_confirmed_at = $now
RETURN p.connections_confirmed_at AS confirmed_at
