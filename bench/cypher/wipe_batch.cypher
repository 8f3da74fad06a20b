// Delete up to $limit nodes with their relationships (a wipe in bounded transactions).
// Parameters:
//   $limit  int  nodes per transaction
MATCH (n)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
