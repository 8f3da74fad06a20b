// The stored content hash of each root record, to tell created, updated and unchanged apart.
// Parameters:
//   $ids  list<string>: node ids of the root records of a batch
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.oruk_hash AS hash
