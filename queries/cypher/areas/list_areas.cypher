// Areas of one kind (or all), with their parent, for the map and the coverage analysis.
// Parameters:
//   $kind   string|null  lsoa, local_authority or health_board (null: every kind)
//   $limit  int          most rows to return
// Returns: id, name, name_cy, kind, parent_id, latitude, longitude, population; by id.
MATCH (a:Area)
WHERE $kind IS NULL OR a.kind = $kind
OPTIONAL MATCH (a)-[:PART_OF]->(p:Area)
RETURN a.id AS id, a.name AS name, a.name_cy AS name_cy, a.kind AS kind, p.id AS parent_id,
       a.centroid.latitude AS latitude, a.centroid.longitude AS longitude,
       a.population AS population
ORDER BY id
LIMIT $limit
