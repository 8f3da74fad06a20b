// Node ids of every ServiceAtLocation, in id order, one page at a time (keyset: after the last id).
// Parameters:
//   $after  string|null: the last id of the previous page
//   $limit  int
MATCH (sal:ServiceAtLocation)
WHERE $after IS NULL OR sal.id > $after
RETURN sal.id AS id
ORDER BY id
LIMIT $limit
