// The names of the nodes a report lists by id, so no reader sees a bare id.
// Parameters:
//   $ids  list<string>  node ids
// Returns: id, name (nodes without a name, or ids that name nothing, are left out).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.name IS NOT NULL
RETURN n.id AS id, n.name AS name
