// Create nodes from a backup. Labels come from the backup file, so graph/backup.py checks
// every one against the identifier pattern of the model's labels before this runs; they
// travel as parameters (Cypher 5 dynamic labels), never pasted into the text.
// Parameters:
//   $rows  list of maps {idx, labels, props}: idx is the node's number in the backup
// Returns: one row per node: idx, eid (its new element id).
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.props
RETURN row.idx AS idx, elementId(n) AS eid
