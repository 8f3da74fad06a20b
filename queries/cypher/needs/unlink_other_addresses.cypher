// Forget the needs a service no longer addresses by rule (the rules changed, or its words
// did): each service keeps ADDRESSES only to the needs in its row.
// Parameters:
//   $rows  list of maps {service_id, need_ids}: need_ids is the full list it addresses now
// Returns: created (always 0), matched (relationships removed).
UNWIND $rows AS row
MATCH (s:Service {id: row.service_id})-[r:ADDRESSES]->(n:Need)
WHERE NOT n.id IN row.need_ids
DELETE r
RETURN 0 AS created, count(r) AS matched
