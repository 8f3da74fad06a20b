// Generated people (demo and benchmark data): Person nodes keyed on id.
// Parameters:
//   $rows    list of maps {id, name, tribe, organisation_id, area_id, latitude, longitude}
//   $source  string  provenance (e.g. `demo:generator`)
// Returns: created (nodes new in this call), unchanged (nodes already there).
UNWIND $rows AS row
MERGE (p:Entity {id: row.id})
WITH p, row, p.source_id IS NULL AS created
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
  SET p:Person, p.name = row.name, p.tribe = row.tribe, p.organisation_id = row.organisation_id,
      p.area_id = row.area_id, p.latitude = row.latitude, p.longitude = row.longitude,
      p.source = $source, p.source_id = row.id, p.created_at = datetime(),
      p.updated_at = datetime())
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN created THEN 0 ELSE 1 END) AS unchanged
