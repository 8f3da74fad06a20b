// Opening times of each service: its own schedules and those of its service-at-locations.
// Parameters:
//   $ids  list<string>  service ids
// Returns: one row per (service id, schedule); location_id is set for location schedules.
UNWIND $ids AS id
MATCH (s:Service {id: id})
CALL (s) {
  MATCH (s)-[:HAS_SCHEDULE]->(sc:Schedule)
  RETURN sc, null AS location_id
  UNION
  MATCH (s)<-[:OF_SERVICE]-(sal:ServiceAtLocation)-[:HAS_SCHEDULE]->(sc:Schedule)
  OPTIONAL MATCH (sal)-[:AT_LOCATION]->(l:Location)
  RETURN sc, l.id AS location_id
}
RETURN id AS key, sc.id AS id, sc.byday AS byday, sc.opens_at AS opens_at,
       sc.closes_at AS closes_at, sc.freq AS freq, sc.description AS description, location_id
ORDER BY key, location_id, id
