// Merge a batch of HAS_ATTRIBUTE relationships between nodes stored already (matched by id).
// A row whose endpoint is not in the graph is skipped (a reference to a record not loaded yet).
// Parameters:
//   $rows  list of {src: string, dst: string, ordinal: int}: ordinal = position in the source array
UNWIND $rows AS row
MATCH (a:Entity {id: row.src})
MATCH (b:Entity {id: row.dst})
MERGE (a)-[r:HAS_ATTRIBUTE]->(b)
SET r.ordinal = row.ordinal
