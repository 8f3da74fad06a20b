// Which of the ids in an ORUK batch are UUIDs under which the graph already published a node
// with another id (`export oruk` writes each node under its `oruk_id`): re-importing that
// export then updates those nodes instead of creating copies.
// Parameters:
//   $ids  list<string>  node ids of the batch
// Returns: oruk_id (the id as the batch spells it), id (the node's own id); one row per match.
UNWIND $ids AS uid
MATCH (n:Entity {oruk_id: uid})
WHERE n.id <> uid
RETURN uid AS oruk_id, n.id AS id
