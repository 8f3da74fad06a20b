// Node ids of every Taxonomy, in id order, one page at a time (keyset: after the last id).
// Parameters:
//   $after  string|null: the last id of the previous page
//   $limit  int
MATCH (t:Taxonomy)
WHERE $after IS NULL OR t.id > $after
RETURN t.id AS id
ORDER BY id
LIMIT $limit
