// Create or update Need nodes (slug ids such as `food_poverty`) with English and Welsh names.
// Parameters:
//   $rows    list of maps {id, name, name_cy}
//   $source  string  provenance written on new needs (e.g. `commongraph:needs`)
// Returns: created, updated, unchanged.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, n.name AS old, n.name_cy AS old_cy
FOREACH (_ IN CASE WHEN old IS NULL OR old <> row.name OR old_cy IS NULL
                         OR old_cy <> row.name_cy THEN [1] ELSE [] END |
  SET n:Need, n.name = row.name, n.name_cy = row.name_cy,
      n.source = coalesce(n.source, $source), n.source_id = row.id,
      n.created_at = coalesce(n.created_at, datetime()), n.updated_at = datetime())
RETURN sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN old IS NOT NULL AND (old <> row.name OR old_cy IS NULL
                 OR old_cy <> row.name_cy) THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN old = row.name AND old_cy = row.name_cy THEN 1 ELSE 0 END) AS unchanged
