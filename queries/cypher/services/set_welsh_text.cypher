// The Welsh a publisher gives a service or organisation (NHS Wales publishes FullNameWelsh
// for every site and health board), and the Welsh of a description the loader wrote itself
// ("Meddygfa'r GIG"). HSDS has one `name` and one `description` per record, so a Welsh name
// travels in HSDS as `alternate_name`; the graph keeps both as `name_cy` and
// `description_cy`, which the UI shows to Welsh readers and search reads. A row without them
// removes stale ones.
// Parameters:
//   $rows  list of maps {id, name_cy, description_cy}: a Service's or an Organization's id
// Returns: created (always 0), matched (nodes written).
UNWIND $rows AS row
OPTIONAL MATCH (s:Service {id: row.id})
OPTIONAL MATCH (o:Organization {id: row.id})
WITH row, coalesce(s, o) AS n
WHERE n IS NOT NULL
SET n.name_cy = row.name_cy, n.description_cy = row.description_cy
RETURN 0 AS created, count(n) AS matched
