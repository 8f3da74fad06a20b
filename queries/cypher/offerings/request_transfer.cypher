// A group claims a listing another organisation provides: the claim waits for a moderator
// (offerings/decide_claim), who moves the listing or turns the claim down.
// Parameters:
//   $id               string       service id
//   $organisation_id  string       the claiming organisation
//   $claim_id         string       id for a new claim
//   $key_id           string|null  the claiming key
//   $now              string       ISO date-time
//   $audit            map          the AuditEvent's properties
// Returns: zero rows if the service or organisation is absent; else whether an open claim by
// this organisation existed already, and the service's properties.
MATCH (s:Service {id: $id})
MATCH (o:Organization {id: $organisation_id})
OPTIONAL MATCH (open:ClaimRequest {status: 'open', organisation_id: $organisation_id})-[:CLAIMS]->(s)
CALL (s, open) {
  WITH s WHERE open IS NULL
  CREATE (:ClaimRequest {id: $claim_id, organisation_id: $organisation_id, at: $now,
                         status: 'open', by_key_id: $key_id})-[:CLAIMS]->(s)
  CREATE (e:AuditEvent)
  SET e = $audit
}
RETURN open IS NOT NULL AS already, properties(s) AS props
