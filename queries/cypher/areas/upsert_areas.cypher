// Create or update Area nodes (LSOA, local authority, health board); unchanged rows write nothing.
// Parameters:
//   $rows  list of maps {id, name, name_cy, kind, latitude, longitude, population, source,
//          source_id, hash}; `hash` is a digest of the row, stored as `row_hash`, so a row
//          whose content is unchanged since the last load is not written again.
// Returns: created, updated, unchanged (counts over $rows).
UNWIND $rows AS row
MERGE (a:Entity {id: row.id})
WITH a, row, a.row_hash AS old
FOREACH (_ IN CASE WHEN old IS NULL OR old <> row.hash THEN [1] ELSE [] END |
  SET a:Area,
      a.name = row.name,
      a.name_cy = row.name_cy,
      a.kind = row.kind,
      a.centroid = CASE WHEN row.latitude IS NULL OR row.longitude IS NULL THEN null
                        ELSE point({latitude: row.latitude, longitude: row.longitude}) END,
      a.population = row.population,
      a.source = row.source,
      a.source_id = row.source_id,
      a.row_hash = row.hash,
      a.created_at = coalesce(a.created_at, datetime()),
      a.updated_at = datetime())
RETURN sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN old IS NOT NULL AND old <> row.hash THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN old = row.hash THEN 1 ELSE 0 END) AS unchanged
