// What the graph holds already for the ids of a batch of relationship-table nodes.
// Parameters:
//   $ids  list<string>
// Returns: id, labels, hash (the csv_hash of the row that last wrote the node)
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels, n.csv_hash AS hash
