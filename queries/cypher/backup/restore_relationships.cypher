// Create relationships from a backup between nodes just restored (by their new element
// ids). The type comes from the backup file and is checked by graph/backup.py first.
// Parameters:
//   $rows  list of maps {start, end, type, props}: start/end are new element ids
// Returns: one row: created.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.start
MATCH (b) WHERE elementId(b) = row.end
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS created
