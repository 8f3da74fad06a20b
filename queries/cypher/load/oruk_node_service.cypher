// Merge a batch of ORUK/HSDS Service nodes on their stable id (one transaction per batch).
// A service from a published feed is approved on creation; `version` (optimistic
// locking of offerings) is bumped whenever a load changes it.
// Parameters:
//   $rows  list of {id: string, props: map}: HSDS fields and provenance; a null removes a property
//   $now   string: ISO date-time of this load (created_at, updated_at)
UNWIND $rows AS row
MERGE (n:Service {id: row.id})
  ON CREATE SET n:Entity, n.created_at = $now, n.moderation_status = 'approved', n.version = 1
  ON MATCH SET n.version = coalesce(n.version, 0) + 1
SET n += row.props,
    n.updated_at = $now
