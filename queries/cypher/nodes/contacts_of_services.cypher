// Contacts of each service with their phone numbers (DataLoader batch).
// Parameters:
//   $ids  list<string>  service ids
// Returns: one row per (service id, contact).
UNWIND $ids AS id
MATCH (:Service {id: id})-[r:HAS_CONTACT]->(c:Contact)
RETURN id AS key, c.id AS id, c.name AS name, c.title AS title, c.email AS email,
       [(c)-[:HAS_PHONE]->(p:Phone) | p.number] AS phones
ORDER BY key, r.ordinal, id
