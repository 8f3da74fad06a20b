// Every phone a person might call for each service, with the tier it comes from (DataLoader
// batch). The repository keeps the best tier: the service's own phones (on the service or
// its contacts), else its locations' (on the location, its service-at-location record or
// their contacts), else its organisation's.
// Parameters:
//   $ids  list<string>  service ids
// Returns: one row per (service id, phone): key (service id), tier (0 service, 1 location,
// 2 organisation), number, extension, type, description; ordered by key, tier, then the
// position of the phone in its source's arrays.
UNWIND $ids AS id
MATCH (s:Service {id: id})
CALL (s) {
  MATCH (s)-[r1:HAS_PHONE]->(p:Phone)
  RETURN p, 0 AS tier, 0 AS o1, r1.ordinal AS o2
  UNION
  MATCH (s)-[r1:HAS_CONTACT]->(:Contact)-[r2:HAS_PHONE]->(p:Phone)
  RETURN p, 0 AS tier, 1 + coalesce(r1.ordinal, 0) AS o1, r2.ordinal AS o2
  UNION
  MATCH (s)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:AT_LOCATION]->(:Location)-[r1:HAS_PHONE]->(p:Phone)
  RETURN p, 1 AS tier, 0 AS o1, r1.ordinal AS o2
  UNION
  MATCH (s)<-[:OF_SERVICE]-(:ServiceAtLocation)-[r1:HAS_PHONE]->(p:Phone)
  RETURN p, 1 AS tier, 1 AS o1, r1.ordinal AS o2
  UNION
  MATCH (s)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:AT_LOCATION]->(:Location)
        -[:HAS_CONTACT]->(:Contact)-[r1:HAS_PHONE]->(p:Phone)
  RETURN p, 1 AS tier, 2 AS o1, r1.ordinal AS o2
  UNION
  MATCH (s)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:HAS_CONTACT]->(:Contact)-[r1:HAS_PHONE]->(p:Phone)
  RETURN p, 1 AS tier, 3 AS o1, r1.ordinal AS o2
  UNION
  MATCH (s)<-[:PROVIDES]-(:Organization)-[r1:HAS_PHONE]->(p:Phone)
  RETURN p, 2 AS tier, 0 AS o1, r1.ordinal AS o2
}
WITH id, p, tier, o1, o2
WHERE p.number IS NOT NULL
RETURN id AS key, tier, p.number AS number, p.extension AS extension, p.type AS type,
       p.description AS description
ORDER BY key, tier, o1, o2, p.id
