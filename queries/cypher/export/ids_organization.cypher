// Node ids of every Organization, in id order, one page at a time (keyset: after the last id).
// Parameters:
//   $after  string|null: the last id of the previous page
//   $limit  int
MATCH (o:Organization)
WHERE $after IS NULL OR o.id > $after
RETURN o.id AS id
ORDER BY id
LIMIT $limit
