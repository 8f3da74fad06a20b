// The names of the nodes a report lists by id, so no reader sees a bare id, and their Welsh
// names where the data has them (an LSOA's Welsh label, "Caerdydd 036B", is a statistical
// code, not a name: left out).
// Parameters:
//   $ids  list<string>  node ids
// Returns: id, name, name_cy (null without one); nodes without a name, or ids that name
// nothing, are left out.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.name IS NOT NULL
RETURN n.id AS id, n.name AS name,
       CASE WHEN n:Area AND n.kind = 'lsoa' THEN null ELSE n.name_cy END AS name_cy
