// The graph id behind each given id: the node's own id when one has it, else the node that is
// published under it as an ORUK UUID (`oruk_id`, as /oruk and `export oruk` name records), so
// every mutation takes either. An id that names nothing comes back as it was given (the
// statement that uses it then answers NotFound, naming the id the caller sent).
// Parameters:
//   $ids  list of string  ids as a caller sent them (only UUID-shaped ones are sent)
// Returns: one row per given id: given, id.
UNWIND $ids AS given
OPTIONAL MATCH (exact:Entity {id: given})
OPTIONAL MATCH (published:Entity {oruk_id: given})
WITH given, exact, published ORDER BY published.id
WITH given, head(collect(exact.id)) AS exact_id, head(collect(published.id)) AS published_id
RETURN given, coalesce(exact_id, published_id, given) AS id
