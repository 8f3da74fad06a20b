// A person's own view of their ties, for the "my connections" survey.
// Parameters:
//   $person_id  string  the Person the caller's key stands for
// Returns: zero rows (no such person) or one row: the person (id, name, tribe, source,
// confirmed_at) and ties: every KNOWS / WORKS_WITH tie touching them and their MEMBER_OF /
// WORKS_FOR ties, each with the other end (id, name, kind), its properties, and `mine`: the
// person recorded it themself in the survey (only those can be changed or erased by them).
MATCH (p:Person {id: $person_id})
CALL (p) {
  OPTIONAL MATCH (p)-[r:KNOWS|WORKS_WITH|MEMBER_OF|WORKS_FOR]-(o:Entity)
  WITH r, o WHERE r IS NOT NULL
  RETURN collect({
    id: r.id, type: type(r), outgoing: startNode(r) = p,
    other_id: o.id, other_name: o.name,
    other_kind: [k IN ['Person', 'Organization', 'Team', 'Service'] WHERE k IN labels(o)][0],
    how: r.how, frequency: r.frequency, since: r.since, source: r.source,
    recorded_at: r.recorded_at, updated_at: r.updated_at,
    mine: coalesce(r.source = 'survey' AND r.recorded_by_person = p.id, false)
  }) AS ties
}
RETURN p.id AS id, p.name AS name, p.tribe AS tribe, p.source AS source,
       p.connections_confirmed_at AS confirmed_at, ties
