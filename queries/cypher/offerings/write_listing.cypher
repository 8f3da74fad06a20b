// Store a listing's whole content (what its group owns), replacing what was there: the
// service's own fields, its first location (created when it has none) with address and
// accessibility, its contact email and phone, weekly schedules, needs, languages, cost and
// catchment. Used for an edit of a listing that is not public yet, and when a moderator
// accepts a change to a public one.
// Parameters:
//   $id             string        service id
//   $version        int|null      the version the caller read; null: no check (a moderator
//                                 applying the pending change they are reviewing)
//   $org_scope      string|null   the caller's organisation (group editors); null = any
//   $fields         map           Service properties to set (allow-listed in code)
//   $status         string|null   the new moderation status; null keeps it
//   $location       map           {latitude, longitude, name}
//   $address        map|null      Address properties (id, address_1, city, postal_code, ...)
//   $contact        map|null      Contact properties (id, email, ...) replacing the service's
//   $phone          map|null      Phone properties (id, number) under that contact
//   $schedules      list<map>     Schedule nodes (id, byday, opens_at, closes_at, freq, ...)
//   $need_ids       list<string>  Need ids (checked to exist beforehand); new links get
//                                 rule 'group', kept links keep their rule
//   $languages      list<map>     Language nodes (id, code, name, ...)
//   $accessibility  list<map>     Accessibility nodes (id, description, ...)
//   $cost_options   list<map>     CostOption nodes (id, amount, option, ...)
//   $catchment      list<string>  Area ids the service serves
//   $new_ids        map           {location, sal}: ids for a location created here
//   $source, $now   string        provenance and ISO date-time
//   $audit          map           the AuditEvent's properties
// Returns: zero rows if there is no such service; else allowed, fresh and the service's
// properties after (unchanged if not allowed or not fresh).
MATCH (s:Service {id: $id})
SET s._lock = true
REMOVE s._lock
WITH s, [(o:Organization)-[:PROVIDES]->(s) | o.id] AS orgs
WITH s, ($org_scope IS NULL OR $org_scope IN orgs) AS allowed,
     ($version IS NULL OR coalesce(s.version, 0) = $version) AS fresh
CALL (s, allowed, fresh) {
  WITH s WHERE allowed AND fresh
  SET s += $fields, s.version = coalesce(s.version, 0) + 1, s.updated_at = $now,
      s.moderation_status = coalesce($status, s.moderation_status)
  // The moderator's last reason and request were answered by this edit (the audit trail
  // keeps them).
  REMOVE s.pending_change, s.pending_fields, s.pending_at, s.pending_by, s.changes_requested,
         s.changes_requested_at, s.moderation_reason
  WITH s
  OPTIONAL MATCH (s)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:AT_LOCATION]->(found:Location)
  WITH s, found ORDER BY found.id LIMIT 1
  CALL (s, found) {
    WITH s, found WHERE found IS NULL
    CREATE (s)<-[:OF_SERVICE]-(:ServiceAtLocation:Entity {id: $new_ids.sal, source: $source,
            created_at: $now, updated_at: $now})-[:AT_LOCATION]->
           (l:Location:Entity {id: $new_ids.location, source: $source, created_at: $now})
    RETURN l
    UNION
    WITH found WHERE found IS NOT NULL
    RETURN found AS l
  }
  SET l.latitude = $location.latitude, l.longitude = $location.longitude,
      l.name = $location.name, l.updated_at = $now,
      l.point = point({latitude: $location.latitude, longitude: $location.longitude})
  WITH s, l
  CALL (l) { MATCH (l)-[:HAS_ADDRESS]->(x:Address) DETACH DELETE x }
  FOREACH (a IN CASE WHEN $address IS NULL THEN [] ELSE [$address] END |
    CREATE (l)-[:HAS_ADDRESS {ordinal: 0}]->(x:Address:Entity) SET x = a)
  WITH s, l
  CALL (l) { MATCH (l)-[:HAS_ACCESSIBILITY]->(x:Accessibility) DETACH DELETE x }
  FOREACH (k IN range(0, size($accessibility) - 1) |
    CREATE (l)-[:HAS_ACCESSIBILITY {ordinal: k}]->(x:Accessibility:Entity)
    SET x = $accessibility[k])
  WITH s
  CALL (s) {
    MATCH (s)-[:HAS_CONTACT]->(c:Contact)
    OPTIONAL MATCH (c)-[:HAS_PHONE]->(p:Phone)
    DETACH DELETE c, p
  }
  // The group's phone replaces the one a feed put on the service itself (read as the
  // listing's phone when it has no contact's): one number, not the old beside the new.
  CALL (s) { MATCH (s)-[:HAS_PHONE]->(p:Phone) DETACH DELETE p }
  FOREACH (c IN CASE WHEN $contact IS NULL THEN [] ELSE [$contact] END |
    CREATE (s)-[:HAS_CONTACT {ordinal: 0}]->(x:Contact:Entity) SET x = c
    FOREACH (p IN CASE WHEN $phone IS NULL THEN [] ELSE [$phone] END |
      CREATE (x)-[:HAS_PHONE {ordinal: 0}]->(y:Phone:Entity) SET y = p))
  WITH s
  CALL (s) {
    MATCH (s)-[:HAS_SCHEDULE]->(x:Schedule) DETACH DELETE x
  }
  CALL (s) {
    MATCH (s)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:HAS_SCHEDULE]->(x:Schedule) DETACH DELETE x
  }
  FOREACH (k IN range(0, size($schedules) - 1) |
    CREATE (s)-[:HAS_SCHEDULE {ordinal: k}]->(x:Schedule:Entity) SET x = $schedules[k])
  WITH s
  CALL (s) {
    MATCH (s)-[r:ADDRESSES]->(n:Need) WHERE NOT n.id IN $need_ids DELETE r
  }
  CALL (s) {
    UNWIND $need_ids AS need_id
    MATCH (n:Need {id: need_id})
    MERGE (s)-[r:ADDRESSES]->(n)
    ON CREATE SET r.rule = 'group'
  }
  CALL (s) { MATCH (s)-[:HAS_LANGUAGE]->(x:Language) DETACH DELETE x }
  FOREACH (k IN range(0, size($languages) - 1) |
    CREATE (s)-[:HAS_LANGUAGE {ordinal: k}]->(x:Language:Entity) SET x = $languages[k])
  WITH s
  CALL (s) { MATCH (s)-[:HAS_COST_OPTION]->(x:CostOption) DETACH DELETE x }
  FOREACH (k IN range(0, size($cost_options) - 1) |
    CREATE (s)-[:HAS_COST_OPTION {ordinal: k}]->(x:CostOption:Entity) SET x = $cost_options[k])
  WITH s
  CALL (s) { MATCH (s)-[r:SERVES_AREA]->(a:Area) WHERE NOT a.id IN $catchment DELETE r }
  CALL (s) {
    UNWIND $catchment AS area_id
    MATCH (a:Area {id: area_id})
    MERGE (s)-[:SERVES_AREA]->(a)
  }
  CREATE (e:AuditEvent)
  SET e = $audit
}
RETURN allowed, fresh, properties(s) AS props
