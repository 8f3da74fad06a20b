// How big the loaded graph is.
// Parameters: none.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (s:Service) RETURN count(s) AS services }
CALL () { MATCH (p:Person) RETURN count(p) AS people }
RETURN nodes, relationships, services, people
