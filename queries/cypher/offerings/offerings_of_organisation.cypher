// Every listing an organisation provides, whatever its moderation status (what a group
// editor keeps up to date), by name.
// Parameters:
//   $organisation_id  string  the organisation
//   $limit            int     at most this many
// Returns: one row per service: its properties.
MATCH (:Organization {id: $organisation_id})-[:PROVIDES]->(s:Service)
RETURN properties(s) AS props
ORDER BY toLower(s.name), s.id
LIMIT $limit
