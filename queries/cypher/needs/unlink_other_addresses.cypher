// Remove the ADDRESSES tags a rule no longer gives: for each service, every need not listed.
// Used when open data is re-loaded with changed tagging rules, so an old tag (a GP practice
// once tagged dementia by its kind) does not linger.
// Parameters:
//   $rows  list of maps {service_id, need_ids: list<string>}
// Returns: created (always 0), matched (tags removed).
UNWIND $rows AS row
MATCH (s:Service {id: row.service_id})-[r:ADDRESSES]->(n:Need)
WHERE NOT n.id IN row.need_ids
DELETE r
RETURN 0 AS created, count(*) AS matched
