// Node ids of every TaxonomyTerm, in id order, one page at a time (keyset: after the last id).
// Parameters:
//   $after  string|null: the last id of the previous page
//   $limit  int
MATCH (t:TaxonomyTerm)
WHERE $after IS NULL OR t.id > $after
RETURN t.id AS id
ORDER BY id
LIMIT $limit
