// Create a pending offering: service, location, service-at-location, contact, needs,
// languages, cost option, schedules, and its audit event, all in one transaction.
// Parameters:
//   $organisation_id  string  the providing organisation (must exist, else nothing is written)
//   $service          map     Service properties (id, name, ..., moderation_status 'pending')
//   $location         map     Location properties (id, name, latitude, longitude, ...)
//   $sal_id           string  ServiceAtLocation id
//   $address          map|null  Address properties (id, address_1, city, postal_code, ...)
//   $contact          map|null  Contact properties (id, email, ...)
//   $phone            map|null  Phone properties (id, number)
//   $need_ids         list<string>  Need ids (checked to exist beforehand)
//   $accessibility    list<map>     Accessibility nodes of the location (id, description)
//   $catchment        list<string>  Area ids the service serves (unknown ids are ignored)
//   $languages        list<map>     Language nodes (id, code, name)
//   $cost_options     list<map>     CostOption nodes (id, amount, option)
//   $schedules        list<map>     Schedule nodes (id, byday, opens_at, closes_at, freq)
//   $audit            map     the AuditEvent's properties
// Returns: one row with the stored service's properties; none if the organisation is absent.
MATCH (o:Organization {id: $organisation_id})
CREATE (s:Service:Entity)
SET s = $service
CREATE (o)-[:PROVIDES]->(s)
CREATE (l:Location:Entity)
SET l = $location, l.point = point({latitude: $location.latitude, longitude: $location.longitude})
CREATE (s)<-[:OF_SERVICE]-(:ServiceAtLocation:Entity {id: $sal_id, source: $service.source,
        created_at: $service.created_at, updated_at: $service.created_at})-[:AT_LOCATION]->(l)
FOREACH (a IN CASE WHEN $address IS NULL THEN [] ELSE [$address] END |
  CREATE (l)-[:HAS_ADDRESS {ordinal: 0}]->(x:Address:Entity) SET x = a)
FOREACH (c IN CASE WHEN $contact IS NULL THEN [] ELSE [$contact] END |
  CREATE (s)-[:HAS_CONTACT {ordinal: 0}]->(x:Contact:Entity) SET x = c
  FOREACH (p IN CASE WHEN $phone IS NULL THEN [] ELSE [$phone] END |
    CREATE (x)-[:HAS_PHONE {ordinal: 0}]->(y:Phone:Entity) SET y = p))
FOREACH (k IN range(0, size($accessibility) - 1) |
  CREATE (l)-[:HAS_ACCESSIBILITY {ordinal: k}]->(x:Accessibility:Entity) SET x = $accessibility[k])
FOREACH (k IN range(0, size($languages) - 1) |
  CREATE (s)-[:HAS_LANGUAGE {ordinal: k}]->(x:Language:Entity) SET x = $languages[k])
FOREACH (k IN range(0, size($cost_options) - 1) |
  CREATE (s)-[:HAS_COST_OPTION {ordinal: k}]->(x:CostOption:Entity) SET x = $cost_options[k])
FOREACH (k IN range(0, size($schedules) - 1) |
  CREATE (s)-[:HAS_SCHEDULE {ordinal: k}]->(x:Schedule:Entity) SET x = $schedules[k])
WITH s
CALL (s) {
  UNWIND $need_ids AS need_id
  MATCH (n:Need {id: need_id})
  CREATE (s)-[:ADDRESSES {rule: 'group'}]->(n)
}
CALL (s) {
  UNWIND $catchment AS area_id
  MATCH (a:Area {id: area_id})
  CREATE (s)-[:SERVES_AREA]->(a)
}
CREATE (e:AuditEvent)
SET e = $audit
RETURN properties(s) AS props
