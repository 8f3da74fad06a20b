// Whether an id (or ORUK UUID) names a node with one of the given labels: tells "you cannot
// know an organisation" apart from "no such node" when recording a tie is refused.
// Parameters:
//   $target  string        an id or ORUK UUID
//   $labels  list<string>  labels to look for
// Returns: one row: found (boolean).
RETURN EXISTS {
  MATCH (o:Entity) WHERE (o.id = $target OR o.oruk_id = $target)
    AND any(l IN labels(o) WHERE l IN $labels)
} AS found
