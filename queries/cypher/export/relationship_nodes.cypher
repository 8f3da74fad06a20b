// The nodes of the relationship graph for `export graphml|gexf`: people, organisations,
// services, teams, areas and needs (every :Entity node when $all).
// Parameters:
//   $all  bool: every :Entity node, directory details (phones, schedules...) included
// Returns per node: id, labels and the attributes a relationship map shows
MATCH (n:Entity)
WHERE $all OR n:Person OR n:Organization OR n:Service OR n:Team OR n:Area OR n:Need
RETURN n.id AS id, labels(n) AS labels, n.name AS name, n.tribe AS tribe, n.sector AS sector,
       n.kind AS kind, n.role AS role, n.source AS source, n.organisation_id AS organisation_id,
       n.area_id AS area_id, n.latitude AS latitude, n.longitude AS longitude,
       n.status AS status, n.moderation_status AS moderation_status
ORDER BY id
