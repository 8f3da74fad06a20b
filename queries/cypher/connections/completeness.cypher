// How complete the relationship picture is: per team and per local authority, how many
// people have answered the "my connections" survey (recorded a tie themself or confirmed
// their list), how many hold a key linked to them, and how many have an open invitation.
// Parameters:
//   $now  string  ISO date-time (an invitation past its expiry is not open)
// Returns: one row: teams and areas, each a list of maps
//   {id, name, area, people, answered, with_key, invited}, least complete first.
CALL () {
  MATCH (t:Team)
  OPTIONAL MATCH (t)<-[:MEMBER_OF]-(m:Person)
  WITH t, collect(DISTINCT m) AS people
  OPTIONAL MATCH (a:Area {id: t.area_id})
  RETURN collect({id: t.id, name: t.name, area: a.name, people: people}) AS teams
}
CALL () {
  MATCH (la:Area {kind: 'local_authority'})
  OPTIONAL MATCH (l:Area)-[:PART_OF*0..1]->(la)
  WITH la, collect(l.id) AS area_ids
  OPTIONAL MATCH (m:Person) WHERE m.area_id IN area_ids
  WITH la, collect(m) AS people
  RETURN collect({id: la.id, name: la.name, area: null, people: people}) AS areas
}
WITH [g IN teams | {group: g, kind: 'team'}] + [g IN areas | {group: g, kind: 'area'}] AS rows
UNWIND rows AS row
WITH row.kind AS kind, row.group AS g
WITH kind, g.id AS id, g.name AS name, g.area AS area, g.people AS people
WITH kind, id, name, area, size(people) AS total,
     size([m IN people WHERE m.connections_confirmed_at IS NOT NULL
           OR EXISTS { (m)-[x:KNOWS|WORKS_WITH]->() WHERE x.source = 'survey'
                       AND x.recorded_by_person = m.id }]) AS answered,
     size([m IN people WHERE EXISTS { MATCH (k:ApiKey {person_id: m.id})
                                      WHERE NOT coalesce(k.revoked, false) }]) AS with_key,
     size([m IN people WHERE EXISTS { MATCH (i:Invitation {person_id: m.id})
                                      WHERE i.used_at IS NULL AND i.expires_at > $now }])
       AS invited
ORDER BY kind, CASE WHEN total = 0 THEN 1.0 ELSE toFloat(answered) / total END, name
WITH kind, collect({id: id, name: name, area: area, people: total, answered: answered,
                    with_key: with_key, invited: invited}) AS groups
RETURN [r IN collect({kind: kind, groups: groups}) WHERE r.kind = 'team'][0].groups AS teams,
       [r IN collect({kind: kind, groups: groups}) WHERE r.kind = 'area'][0].groups AS areas
