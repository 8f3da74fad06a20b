// Which of these ids name a node in the graph (edge endpoints not in the nodes table).
// Parameters:
//   $ids  list<string>
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id
