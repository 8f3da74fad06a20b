// The graph's recorded model version.
// Parameters: none.
// Returns: zero rows (none recorded: version 1) or one row: version.
MATCH (m:ModelVersion {id: 'commongraph'})
RETURN m.version AS version
