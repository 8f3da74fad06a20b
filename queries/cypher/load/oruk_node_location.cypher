// Merge a batch of ORUK/HSDS Location nodes on their stable id (one transaction per batch).
// Sets `point` from latitude/longitude (the point index of assetsNear).
// Parameters:
//   $rows  list of {id: string, props: map}: HSDS fields and provenance; a null removes a property
//   $now   string: ISO date-time of this load (created_at, updated_at)
UNWIND $rows AS row
MERGE (n:Location {id: row.id})
  ON CREATE SET n:Entity, n.created_at = $now
SET n += row.props,
    n.updated_at = $now,
    n.point = CASE
      WHEN row.props.latitude IS NULL OR row.props.longitude IS NULL THEN null
      ELSE point({latitude: toFloat(row.props.latitude), longitude: toFloat(row.props.longitude)})
    END
