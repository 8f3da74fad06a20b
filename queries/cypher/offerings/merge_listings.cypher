// A moderator merges listings that describe one asset into the one to keep, without deleting
// anything: each duplicate gets (dup)-[:SAME_AS {by_key_id, at}]->(keep) and moderation status
// 'merged' (so search, assetsNear and /oruk show only the kept listing), remembering its status
// before, so the merge can be undone (offerings/unmerge_listing).
// Parameters:
//   $id             string        the listing to keep
//   $duplicate_ids  list<string>  the listings that are the same asset (not $id)
//   $key_id         string|null   the moderator's key
//   $now            string        ISO date-time
//   $audit          map           the AuditEvent's properties
// Returns: zero rows if the kept listing does not exist; else keep_status, missing (ids
// that name no service, or are merged already), merged (how many were merged now) and the kept
// listing's properties.
MATCH (keep:Service {id: $id})
WITH keep, [id IN $duplicate_ids WHERE NOT EXISTS {
         MATCH (d:Service {id: id}) WHERE coalesce(d.moderation_status, 'approved') <> 'merged' }
       ] AS missing
OPTIONAL CALL (keep, missing) {
  WITH keep WHERE size(missing) = 0 AND coalesce(keep.moderation_status, 'approved') = 'approved'
  UNWIND $duplicate_ids AS dup_id
  MATCH (dup:Service {id: dup_id})
  CREATE (dup)-[:SAME_AS {by_key_id: $key_id, at: $now}]->(keep)
  SET dup.premerge_status = coalesce(dup.moderation_status, 'approved'),
      dup.moderation_status = 'merged', dup.merged_into = keep.id,
      dup.version = coalesce(dup.version, 0) + 1, dup.updated_at = $now
  WITH count(dup) AS merged
  CREATE (e:AuditEvent)
  SET e = $audit
  RETURN merged
}
RETURN coalesce(keep.moderation_status, 'approved') AS keep_status, missing,
       coalesce(merged, 0) AS merged, properties(keep) AS props
