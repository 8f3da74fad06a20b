// Demand side of the E2SFCA coverage score: need in each smallest area (an area no other area
// is part of: an LSOA on real data), at its population-weighted centroid.
// Parameters:
//   $prefix  string|null  only areas whose id starts with it
// A need measured for the area itself wins; else the level of its local authority, else of its
// health board (GP disease registers are published per health board), so board-level need
// reaches people where they live rather than one board centroid. `level` of HAS_NEED is the
// share of the population with that need (0..1; values above 1 are read as percentages);
// where an area has several indicators of one need the highest is used. Areas without a
// population count as 1000 people (`assumed_population` says so).
MATCH (a:Area)
WHERE a.centroid IS NOT NULL AND ($prefix IS NULL OR a.id STARTS WITH $prefix)
  AND NOT EXISTS { MATCH (:Area)-[:PART_OF]->(a) }
MATCH path = (a)-[:PART_OF*0..2]->(holder:Area)-[h:HAS_NEED]->(n:Need)
WITH a, n, length(path) - 1 AS depth,
     max(CASE WHEN toFloat(coalesce(h.level, 1.0)) > 1.0
              THEN toFloat(h.level) / 100.0 ELSE toFloat(coalesce(h.level, 1.0)) END) AS level
ORDER BY depth
WITH a, n, collect(level)[0] AS level, collect(depth)[0] AS depth
RETURN a.id AS area, a.name AS area_name, n.id AS need,
       head([(a)-[:PART_OF]->(p:Area) | p.id]) AS parent, a.population AS population, level,
       a.centroid.latitude AS latitude, a.centroid.longitude AS longitude,
       toFloat(coalesce(a.population, 1000)) * level AS demand,
       a.population IS NULL AS assumed_population,
       depth > 0 AS level_from_parent
ORDER BY area, need
