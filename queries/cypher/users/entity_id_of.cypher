// The graph id of the Organization or Person a key is issued for, found by its id or by the
// ORUK UUID it is published under (`oruk_id`), so `keys create --organisation <uuid>` works.
// Parameters:
//   $id     string  an id or ORUK UUID
//   $label  string  'Organization' or 'Person'
// Returns: zero rows (no such node) or one row: id.
MATCH (n:Entity)
WHERE (n.id = $id OR n.oruk_id = $id) AND $label IN labels(n)
RETURN n.id AS id
ORDER BY n.id = $id DESC
LIMIT 1
