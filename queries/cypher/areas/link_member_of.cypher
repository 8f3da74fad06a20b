// Ties between organisations that a published register states as facts: a GP practice is
// commissioned by its health board (the ODS register's `commissioner`). Written as
// (member:Organization)-[:MEMBER_OF {source, basis}]->(body:Organization).
// Parameters:
//   $rows    list of maps {member_id, body_id} (rows naming a missing organisation are ignored)
//   $source  string  the register the fact comes from (e.g. 'ods:epraccur')
//   $basis   string  which of its fields states it (e.g. 'commissioner')
// Returns: created (relationships new in this call), matched.
UNWIND $rows AS row
MATCH (m:Organization {id: row.member_id})
MATCH (b:Organization {id: row.body_id})
OPTIONAL MATCH (m)-[old:MEMBER_OF]->(b)
MERGE (m)-[r:MEMBER_OF]->(b)
SET r.source = $source, r.basis = $basis
RETURN sum(CASE WHEN old IS NULL THEN 1 ELSE 0 END) AS created, count(*) AS matched
