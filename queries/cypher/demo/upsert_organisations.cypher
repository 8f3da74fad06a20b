// Organisations the generator adds (council, schools...) and the sector of real ones.
// A real organisation (loaded from a directory) keeps its name and provenance; only its
// graph-native `sector` is set when missing, and a Welsh name when the row has one (a
// generated organisation made before its Welsh name was generated gets it on the next load).
// Parameters:
//   $rows    list of maps {id, name, name_cy (may be null), sector}
//   $source  string  provenance of organisations created here
// Returns: created, updated (sector newly set), unchanged.
UNWIND $rows AS row
MERGE (o:Entity {id: row.id})
WITH o, row, o.source_id IS NULL AS created, o.sector AS old
SET o.name_cy = coalesce(row.name_cy, o.name_cy)
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
  SET o:Organization, o.name = row.name, o.source = $source, o.source_id = row.id,
      o.created_at = datetime())
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  SET o.sector = row.sector, o.updated_at = datetime())
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND old IS NULL THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN old IS NOT NULL THEN 1 ELSE 0 END) AS unchanged
