// Generated local geographic teams: Team nodes keyed on id. A team made before its Welsh
// name was generated gets it (name_cy) on the next load; nothing else of it changes.
// Parameters:
//   $rows    list of maps {id, name, name_cy, area_id, latitude, longitude}
//   $source  string  provenance
// Returns: created, unchanged.
UNWIND $rows AS row
MERGE (t:Entity {id: row.id})
WITH t, row, t.source_id IS NULL AS created
SET t.name_cy = row.name_cy
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
  SET t:Team, t.name = row.name, t.area_id = row.area_id,
      t.centroid = CASE WHEN row.latitude IS NULL THEN null
                        ELSE point({latitude: row.latitude, longitude: row.longitude}) END,
      t.source = $source, t.source_id = row.id, t.created_at = datetime(),
      t.updated_at = datetime())
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN created THEN 0 ELSE 1 END) AS unchanged
