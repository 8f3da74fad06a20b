// Before registering an offering: does the organisation exist, which needs are unknown, and
// which existing listings look like it (similar name nearby, or same email/website/phone).
// Parameters:
//   $organisation_id  string        the providing organisation
//   $need_ids         list<string>  needs the offering addresses
//   $lucene           string|null   fuzzy Lucene query of the offering's name (escaped words)
//   $latitude, $longitude  float    where the offering is
//   $near_km          float         how near a similar name counts as a duplicate
//   $email            string|null   lower-cased email
//   $url_variants     list<string>  lower-cased spellings of the website (scheme, www., /)
//   $phone_digits     string|null   the phone number's digits only
// Returns: one row: organisation_exists, unknown_needs, named (id, name, distance_km and the
// nearest location's latitude and longitude), contacted (id, name, email_match, url_match,
// phone_match).
CALL () {
  CALL db.index.fulltext.queryNodes('service_search', coalesce($lucene, 'x'), {limit: 50})
    YIELD node
  WHERE $lucene IS NOT NULL AND node:Service
  MATCH (node)<-[:OF_SERVICE]-(:ServiceAtLocation)-[:AT_LOCATION]->(l:Location)
  WITH node, l, 2 * 6371.0088 * asin(sqrt(
       sin(radians(l.latitude - $latitude) / 2) ^ 2 +
       cos(radians($latitude)) * cos(radians(l.latitude)) *
       sin(radians(l.longitude - $longitude) / 2) ^ 2)) AS d
  ORDER BY d
  WITH node, collect({d: d, latitude: l.latitude, longitude: l.longitude})[0] AS nearest
  WHERE nearest.d <= $near_km
  RETURN collect({id: node.id, name: node.name, distance_km: nearest.d,
                  latitude: nearest.latitude, longitude: nearest.longitude}) AS named
}
CALL () {
  MATCH (s:Service)
  WHERE ($email IS NOT NULL AND (toLower(trim(s.email)) = $email OR EXISTS {
          MATCH (s)-[:HAS_CONTACT]->(c:Contact) WHERE toLower(trim(c.email)) = $email }))
     OR toLower(trim(s.url)) IN $url_variants
  RETURN collect(s.id) AS by_contact
}
CALL () {
  MATCH (s:Service)-[:HAS_CONTACT|HAS_PHONE*1..2]->(p:Phone)
  WHERE $phone_digits IS NOT NULL
    AND reduce(d = '', ch IN split(coalesce(p.number, ''), '') |
               d + CASE WHEN ch >= '0' AND ch <= '9' THEN ch ELSE '' END) = $phone_digits
  RETURN collect(DISTINCT s.id) AS by_phone
}
CALL (by_contact, by_phone) {
  UNWIND by_contact + by_phone AS sid
  WITH DISTINCT sid
  MATCH (s:Service {id: sid})
  RETURN collect({id: s.id, name: s.name,
                  email_match: $email IS NOT NULL
                               AND toLower(trim(coalesce(s.email, ''))) = $email,
                  url_match: toLower(trim(coalesce(s.url, ''))) IN $url_variants,
                  phone_match: sid IN by_phone}) AS contacted
}
RETURN EXISTS { MATCH (:Organization {id: $organisation_id}) } AS organisation_exists,
       [n IN $need_ids WHERE NOT EXISTS { MATCH (:Need {id: n}) }] AS unknown_needs,
       named, contacted
