// The claims an organisation has made to listings another organisation provided, newest
// first: open ones wait for a moderator; decided ones say how, when and (turned down) why,
// so the group learns the outcome where it keeps its listings.
// Parameters:
//   $organisation_id  string  the claiming organisation
//   $limit            int     at most this many
// Returns: one row per claim: id, status ('open', 'approved' or 'rejected'), reason,
// asked_at, decided_at, and the listing's id and name.
MATCH (c:ClaimRequest {organisation_id: $organisation_id})-[:CLAIMS]->(s:Service)
RETURN c.id AS id, c.status AS status, c.reason AS reason, c.at AS asked_at,
       c.decided_at AS decided_at, s.id AS service_id, s.name AS service_name
ORDER BY c.at DESC, c.id
LIMIT $limit
