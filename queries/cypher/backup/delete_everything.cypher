// Remove every node and relationship (restore --replace, inside the restore's transaction).
// Parameters: none.
// Returns: one row: deleted (nodes).
MATCH (n)
DETACH DELETE n
RETURN count(*) AS deleted
