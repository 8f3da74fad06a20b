// The relationships of the relationship graph for `export graphml|gexf` (between the nodes
// that export/relationship_nodes returns).
// Parameters:
//   $all  bool: relationships between any :Entity nodes
// Returns per relationship: src, dst, type and the attributes a relationship map shows
MATCH (a:Entity)-[r]->(b:Entity)
WHERE $all
   OR ((a:Person OR a:Organization OR a:Service OR a:Team OR a:Area OR a:Need)
       AND (b:Person OR b:Organization OR b:Service OR b:Team OR b:Area OR b:Need))
RETURN a.id AS src, b.id AS dst, type(r) AS type, r.weight AS weight, r.strength AS strength,
       r.confidence AS confidence, r.since AS since, r.source AS source
