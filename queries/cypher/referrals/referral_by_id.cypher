// One referral with the organisations of the service it is sent to.
// Parameters:
//   $id  string  referral id
// Returns: zero or one row.
MATCH (r:Referral {id: $id})-[:TO_SERVICE]->(s:Service)
RETURN properties(r) AS props, s.name AS service_name,
       [(o:Organization)-[:PROVIDES]->(s) | o.id] AS organisation_ids
