// The listings merged into one (its other sources), for every listing of a page.
// Parameters:
//   $ids  list<string>  service ids
// Returns: id, sources (list of {id, name, listed_by, source}), one row per id with any.
UNWIND $ids AS id
MATCH (d:Service)-[:SAME_AS]->(:Service {id: id})
RETURN id, collect({id: d.id, name: d.name, listed_by: d.listed_by, source: d.source}) AS sources
