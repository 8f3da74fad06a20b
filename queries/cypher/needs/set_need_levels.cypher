// Per-area need indicators: (Area)-[:HAS_NEED {indicator, level, value, year, source}]->(Need),
// one relationship per (area, need, indicator).
// Parameters:
//   $rows  list of maps {area_id, need_id, indicator, level, value, year, source}
//          (rows naming a missing area or need are ignored)
// Returns: created, updated, unchanged, matched.
UNWIND $rows AS row
MATCH (a:Area {id: row.area_id})
MATCH (n:Need {id: row.need_id})
MERGE (a)-[h:HAS_NEED {indicator: row.indicator}]->(n)
WITH h, row, h.level AS old_level, h.value AS old_value, h.year AS old_year
WITH h, row, old_level,
     old_level IS NOT NULL AND old_level = row.level AND old_value = row.value
       AND old_year = row.year AS same
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END |
  SET h.level = row.level, h.value = row.value, h.year = row.year, h.source = row.source)
RETURN sum(CASE WHEN old_level IS NULL THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN old_level IS NOT NULL AND NOT same THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN same THEN 1 ELSE 0 END) AS unchanged,
       count(*) AS matched
