// The content a group owns of one listing, as an edit starts from it, with its moderation
// state and any change waiting for a moderator.
// Parameters:
//   $id  string  service id
// Returns: zero rows if there is no such service; else the service's properties, the
// organisations providing it, its first location (coordinates, name, first address), first
// contact email and phone, weekly schedules (on the service or its service-at-location),
// need ids, language codes, accessibility descriptions, whether a cost option is free, and
// catchment area ids.
MATCH (s:Service {id: $id})
OPTIONAL MATCH (s)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:AT_LOCATION]->(l:Location)
WITH s, l ORDER BY l.id LIMIT 1
OPTIONAL MATCH (l)-[:HAS_ADDRESS]->(a:Address)
WITH s, l, a ORDER BY a.id LIMIT 1
RETURN properties(s) AS props,
       [(o:Organization)-[:PROVIDES]->(s) | o.id] AS orgs,
       l {.latitude, .longitude, .name} AS location,
       a {.address_1, .city, .postal_code} AS address,
       head([(s)-[:HAS_CONTACT]->(c:Contact) WHERE c.email IS NOT NULL | c.email]) AS contact_email,
       // The listing's phone: its contact's, else the service's own (open-data feeds put it
       // on the service).
       coalesce(head([(s)-[:HAS_CONTACT]->(:Contact)-[:HAS_PHONE]->(p:Phone) | p.number]),
                head([(s)-[:HAS_PHONE]->(p:Phone) | p.number])) AS phone,
       [(s)-[:HAS_SCHEDULE]->(x:Schedule) | x {.byday, .opens_at, .closes_at}]
         + [(s)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:HAS_SCHEDULE]->(x:Schedule)
            | x {.byday, .opens_at, .closes_at}] AS schedules,
       [(s)-[:ADDRESSES]->(n:Need) | n.id] AS needs,
       [(s)-[:HAS_LANGUAGE]->(x:Language) | x.code] AS languages,
       [(l)-[:HAS_ACCESSIBILITY]->(x:Accessibility) | x.description] AS accessibility,
       any(c IN [(s)-[:HAS_COST_OPTION]->(c:CostOption) | c.amount] WHERE c = 0) AS free,
       [(s)-[:SERVES_AREA]->(x:Area) | x.id] AS catchment
