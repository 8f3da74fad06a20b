// Area hierarchy: (child:Area)-[:PART_OF]->(parent:Area); LSOA → local authority → health board.
// Parameters:
//   $rows  list of maps {child, parent} (Area ids; rows naming a missing area are ignored)
// Returns: created (relationships new in this call), matched (rows whose areas both exist).
UNWIND $rows AS row
MATCH (c:Area {id: row.child})
MATCH (p:Area {id: row.parent})
OPTIONAL MATCH (c)-[old:PART_OF]->(p)
MERGE (c)-[:PART_OF]->(p)
RETURN sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created, count(*) AS matched
