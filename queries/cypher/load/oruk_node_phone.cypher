// Merge a batch of ORUK/HSDS Phone nodes on their stable id (one transaction per batch).
// Parameters:
//   $rows  list of {id: string, props: map}: HSDS fields and provenance; a null removes a property
//   $now   string: ISO date-time of this load (created_at, updated_at)
UNWIND $rows AS row
MERGE (n:Phone {id: row.id})
  ON CREATE SET n:Entity, n.created_at = $now
SET n += row.props,
    n.updated_at = $now
