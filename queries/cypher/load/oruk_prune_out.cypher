// Replace-semantics for re-loaded records: drop the outgoing relationships of a parent that the
// record no longer lists under that key, then delete children left with no relationship.
// Parameters:
//   $rows  list of {id: string, type: string, keep: list<string>}: type is a relationship type
//          from the ORUK allow-list in graph/oruk/models.py (compared, never pasted)
UNWIND $rows AS row
MATCH (p:Entity {id: row.id})-[r]->(c)
WHERE type(r) = row.type AND NOT c.id IN row.keep
DELETE r
WITH DISTINCT c
WHERE NOT (c)--()
DELETE c
