// Any directory or graph-native node by id, for `node(id:)`.
// Parameters:
//   $id            string  the node's id, or the ORUK UUID it is published under (oruk_id)
//   $stale_before  string  ISO date-time: last_verified before this (or null) = stale
// Returns: zero or one row: the node's kind, properties, providing organisations (services)
// and whether it is stale. Only the kinds the API exposes are returned.
MATCH (n:Entity)
WHERE (n.id = $id OR n.oruk_id = $id)
  AND (n:Service OR n:Organization OR n:Location OR n:Person OR n:Team OR n:Area OR n:Need)
WITH n ORDER BY n.id = $id DESC LIMIT 1
RETURN [k IN ['Service', 'Organization', 'Location', 'Person', 'Team', 'Area', 'Need']
        WHERE k IN labels(n)][0] AS kind,
       properties(n) AS props,
       [(o:Organization)-[:PROVIDES]->(n) | o.id] AS organisation_ids,
       (n.last_verified IS NULL OR
        datetime(toString(n.last_verified)) < datetime($stale_before)) AS stale
