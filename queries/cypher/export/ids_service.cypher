// Node ids of every Service, in id order, one page at a time (keyset: after the last id).
// Parameters:
//   $after  string|null: the last id of the previous page
//   $limit  int
MATCH (s:Service)
WHERE $after IS NULL OR s.id > $after
RETURN s.id AS id
ORDER BY id
LIMIT $limit
