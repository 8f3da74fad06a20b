// Delete up to $limit nodes written with provenance $source (and their relationships): how the
// load benchmark clears its own rows from a shared database without touching anything else.
// Parameters:
//   $source  string
//   $limit   int
MATCH (n:Entity {source: $source})
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
