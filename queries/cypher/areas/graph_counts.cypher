// How many nodes of each label and relationships of each type the graph holds (the summary
// at the end of `load demo`). Uses the count store: constant time per label and type.
// Parameters: none.
// Returns: kind ("node" or "relationship"), name (label or type), count.
CALL db.labels() YIELD label
CALL (label) { MATCH (n) WHERE label IN labels(n) RETURN count(n) AS count }
RETURN 'node' AS kind, label AS name, count
UNION ALL
CALL db.relationshipTypes() YIELD relationshipType AS type
CALL (type) { MATCH ()-[r]->() WHERE type(r) = type RETURN count(r) AS count }
RETURN 'relationship' AS kind, type AS name, count
