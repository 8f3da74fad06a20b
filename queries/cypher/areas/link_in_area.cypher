// Which area a location (point in polygon) or an organisation (its seat) lies in.
// Parameters:
//   $rows  list of maps {node_id, area_id}: a Location or Organization id and an Area id
//          (rows naming a missing node are ignored)
// Returns: created (relationships new in this call), matched.
UNWIND $rows AS row
MATCH (n:Entity {id: row.node_id})
WHERE n:Location OR n:Organization
MATCH (a:Area {id: row.area_id})
OPTIONAL MATCH (n)-[old:IN_AREA]->(a)
MERGE (n)-[:IN_AREA]->(a)
RETURN sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created, count(*) AS matched
