// Which of the given need ids name no Need node.
// Parameters:
//   $need_ids  list<string>
// Returns: one row: unknown (the ids with no Need, in the order given).
RETURN [id IN $need_ids WHERE NOT EXISTS { MATCH (:Need {id: id}) }] AS unknown
