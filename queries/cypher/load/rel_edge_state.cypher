// Which relationships of a batch of relationship-table edges exist already, with their weight.
// Parameters:
//   $rows  list of {src: string, dst: string, type: string}: type from the allow-list
//          (compared with type(r), never pasted into the statement)
UNWIND $rows AS row
MATCH (a:Entity {id: row.src})-[r]->(b:Entity {id: row.dst})
WHERE type(r) = row.type
RETURN row.src AS src, row.dst AS dst, row.type AS type, r.weight AS weight
