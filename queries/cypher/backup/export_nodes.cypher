// Every node for a backup: its element id (to join relationships), labels and properties.
// Parameters: none.
// Returns: one row per node: eid, labels, props.
MATCH (n)
RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props
