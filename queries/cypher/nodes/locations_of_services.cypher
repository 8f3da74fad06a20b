// The locations of each service with their address and accessibility (DataLoader batch).
// Parameters:
//   $ids  list<string>  service ids
// Returns: one row per (service id, location), ordered by location id.
UNWIND $ids AS id
MATCH (:Service {id: id})<-[:OF_SERVICE]-(:ServiceAtLocation)-[:AT_LOCATION]->(l:Location)
WITH DISTINCT id, l
ORDER BY l.id
RETURN id AS key, l.id AS id, l.name AS name, l.latitude AS latitude,
       l.longitude AS longitude,
       [(l)-[:HAS_ACCESSIBILITY]->(a:Accessibility) | a.description] AS accessibility,
       [(l)-[:HAS_ADDRESS]->(a:Address) |
         a {.address_1, .address_2, .city, .region, .state_province, .postal_code}][0]
         AS address
