// What an analysis scope chosen by name covers: an area (and the areas inside it), an
// organisation, a team, or a profession.
// Parameters:
//   $scope  string  the id (or ORUK UUID) of an Area, Organization or Team, or a profession id
//                   (Person.tribe)
// Returns: one row: kind ('area', 'organisation', 'team', 'profession' or null when the scope
// names nothing), name, area_ids (the areas coverage looks at, below) and ids (every node in the
// scope: people, organisations and teams placed there, people in teams placed there, and
// services located there or provided by the organisation).
CALL () {
  OPTIONAL MATCH (s:Entity) WHERE s.id = $scope OR s.oruk_id = $scope
  RETURN s ORDER BY s.id = $scope DESC LIMIT 1
}
WITH s,
     CASE
       WHEN s:Area THEN 'area'
       WHEN s:Organization THEN 'organisation'
       WHEN s:Team THEN 'team'
       WHEN s IS NULL AND EXISTS { MATCH (:Person {tribe: $scope}) } THEN 'profession'
     END AS kind
// The areas a coverage report of the scope looks at: an area and the areas inside it; for a
// team or an organisation, the areas it is placed in or serves (its own, its services') and
// those inside them, and where its services are; none for a profession.
WITH s, kind,
     CASE kind
       WHEN 'area' THEN COLLECT { MATCH (d:Area)-[:PART_OF*0..2]->(s) RETURN d.id }
       WHEN 'team' THEN COLLECT {
         MATCH (a:Area) WHERE a.id = s.area_id OR EXISTS { (s)-[:SERVES_AREA]->(a) }
         MATCH (d:Area)-[:PART_OF*0..2]->(a) RETURN DISTINCT d.id }
       WHEN 'organisation' THEN COLLECT {
         MATCH (a:Area)
         WHERE a.id = s.area_id OR EXISTS { (s)-[:IN_AREA|SERVES_AREA]->(a) }
            OR EXISTS { (s)-[:PROVIDES]->(:Service)-[:SERVES_AREA]->(a) }
            OR EXISTS { (s)-[:PROVIDES]->(:Service)<-[:OF_SERVICE]-(:ServiceAtLocation)
                        -[:AT_LOCATION]->(:Location)-[:IN_AREA]->(a) }
         MATCH (d:Area)-[:PART_OF*0..2]->(a) RETURN DISTINCT d.id }
       ELSE []
     END AS area_ids
RETURN kind, s.name AS name, area_ids,
  CASE kind
    WHEN 'area' THEN
      area_ids
      + COLLECT { MATCH (n:Entity) WHERE (n:Person OR n:Organization OR n:Team)
                    AND n.area_id IN area_ids RETURN n.id }
      + COLLECT { MATCH (p:Person)-[:MEMBER_OF]->(t:Team) WHERE t.area_id IN area_ids
                  RETURN DISTINCT p.id }
      + COLLECT { MATCH (sv:Service)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:AT_LOCATION]->
                        (:Location)-[:IN_AREA]->(d:Area)
                  WHERE d.id IN area_ids RETURN DISTINCT sv.id }
    WHEN 'organisation' THEN
      [s.id]
      + COLLECT { MATCH (p:Person) WHERE p.organisation_id = s.id
                    OR EXISTS { MATCH (p)-[:WORKS_FOR|MEMBER_OF]->(s) } RETURN p.id }
      + COLLECT { MATCH (s)-[:PROVIDES]->(sv:Service) RETURN sv.id }
    WHEN 'team' THEN
      [s.id] + COLLECT { MATCH (p:Person)-[:MEMBER_OF]->(s) RETURN p.id }
    WHEN 'profession' THEN
      COLLECT { MATCH (p:Person {tribe: $scope}) RETURN p.id }
    ELSE []
  END AS ids
