// Anything by name: people, organisations, services, teams and areas whose name (English or
// Welsh, or the publisher's own spelling) matches, typos forgiven.
// Parameters:
//   $lucene        string  Lucene query built by graph/repositories/lookup.py from folded,
//                          escaped words (every word required, each fuzzy)
//   $people        bool    whether the caller may see people (false: people are left out)
//   $candidates    int     how many index hits to consider
// Returns: one row per node: id, name, name_cy, kind (person | organisation | service | team
// | area), detail (area kind, person's profession), context (where it belongs: a person's
// organisation, else their area; a service's provider, or its area when the provider has the
// service's own name; an organisation's area (its own, else its first located service's); a team's
// area), score.
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $candidates})
  YIELD node, score
WITH node AS n, score
WITH n, score,
     CASE
       WHEN n:Person THEN 'person'
       WHEN n:Organization THEN 'organisation'
       WHEN n:Service THEN 'service'
       WHEN n:Team THEN 'team'
       ELSE 'area'
     END AS kind
WHERE (kind <> 'person' OR $people)
  AND (kind <> 'service' OR coalesce(n.moderation_status, 'approved') = 'approved')
RETURN n.id AS id, n.name AS name, n.name_cy AS name_cy, n.alternate_name AS alternate_name,
       kind,
       CASE kind WHEN 'area' THEN n.kind WHEN 'person' THEN n.tribe ELSE null END AS detail,
       CASE kind
         WHEN 'person' THEN coalesce(
           head([(n)-[:WORKS_FOR]->(o:Organization) | o.name]),
           COLLECT { MATCH (o:Organization {id: n.organisation_id}) RETURN o.name }[0],
           COLLECT { MATCH (a:Area {id: n.area_id}) RETURN a.name }[0])
         WHEN 'service' THEN coalesce(
           head([(o:Organization)-[:PROVIDES]->(n) WHERE o.name <> n.name | o.name]),
           head([(n)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:AT_LOCATION]->(:Location)
                 -[:IN_AREA]->(a:Area) | a.name]))
         WHEN 'organisation' THEN coalesce(
           head([(n)-[:IN_AREA]->(a:Area) | a.name]),
           head([(n)-[:PROVIDES]->(:Service)<-[:OF_SERVICE]-(:ServiceAtLocation)
                 -[:AT_LOCATION]->(:Location)-[:IN_AREA]->(a:Area) | a.name]))
         WHEN 'team' THEN COLLECT { MATCH (a:Area {id: n.area_id}) RETURN a.name }[0]
       END AS context,
       score
ORDER BY score DESC, id
