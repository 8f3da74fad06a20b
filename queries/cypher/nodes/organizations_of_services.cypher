// The organisation providing each service (DataLoader batch).
// Parameters:
//   $ids  list<string>  service ids
// Returns: one row per (service id, organisation) pair.
UNWIND $ids AS id
MATCH (o:Organization)-[:PROVIDES]->(:Service {id: id})
RETURN id AS key, properties(o) AS props
