// Every relationship for a backup: its ends' element ids, type and properties.
// Parameters: none.
// Returns: one row per relationship: start, end, type, props.
MATCH (a)-[r]->(b)
RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, properties(r) AS props
