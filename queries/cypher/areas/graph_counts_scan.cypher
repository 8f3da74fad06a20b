// How many nodes of each label and relationships of each type the graph holds, by scanning
// them: the fallback of areas/graph_counts for a user who may not read the database's
// statistics. Reads every node and relationship once per label and type (about two minutes
// at UK size, 5 M nodes and 15 M relationships).
// Parameters: none.
// Returns: kind ("node" or "relationship"), name (label or type), count.
CALL db.labels() YIELD label
CALL (label) { MATCH (n) WHERE label IN labels(n) RETURN count(n) AS count }
RETURN 'node' AS kind, label AS name, count
UNION ALL
CALL db.relationshipTypes() YIELD relationshipType AS type
CALL (type) { MATCH ()-[r]->() WHERE type(r) = type RETURN count(r) AS count }
RETURN 'relationship' AS kind, type AS name, count
