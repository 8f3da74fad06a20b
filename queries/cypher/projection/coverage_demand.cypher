// Demand side of the E2SFCA coverage score: need in each area at its centroid.
// Parameters:
//   $prefix  string|null  only areas whose id starts with it
// `level` of HAS_NEED is the share of the area's population with that need (0..1); values
// above 1 are read as percentages. Areas without a population count as 1000 people.
MATCH (a:Area)-[h:HAS_NEED]->(n:Need)
WHERE a.centroid IS NOT NULL AND ($prefix IS NULL OR a.id STARTS WITH $prefix)
WITH a, n, toFloat(coalesce(h.level, 1.0)) AS level
RETURN a.id AS area, n.id AS need,
       a.centroid.latitude AS latitude, a.centroid.longitude AS longitude,
       toFloat(coalesce(a.population, 1000)) *
         CASE WHEN level > 1.0 THEN level / 100.0 ELSE level END AS demand
ORDER BY area, need
