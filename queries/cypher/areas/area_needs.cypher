// The need levels of one area (and of the areas it is part of), highest level first.
// Parameters:
//   $area_id  string  Area id
// Returns: area_id, need_id, need, indicator, level, value, year, source.
MATCH (a:Area {id: $area_id})-[:PART_OF*0..2]->(x:Area)-[h:HAS_NEED]->(n:Need)
RETURN x.id AS area_id, n.id AS need_id, n.name AS need, h.indicator AS indicator,
       h.level AS level, h.value AS value, h.year AS year, h.source AS source
ORDER BY level DESC, need_id, indicator
