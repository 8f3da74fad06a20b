// The Welsh name a publisher gives a service or organisation (NHS Wales publishes
// FullNameWelsh for every site and health board). HSDS has one `name` per record, so the
// Welsh name travels in HSDS as `alternate_name` and is kept here as `name_cy`, which the UI
// shows in Welsh and lookup matches. A row without a Welsh name removes a stale one.
// Parameters:
//   $rows  list of maps {id, name_cy}: a Service's or an Organization's id
// Returns: created (always 0), matched (nodes written).
UNWIND $rows AS row
OPTIONAL MATCH (s:Service {id: row.id})
OPTIONAL MATCH (o:Organization {id: row.id})
WITH row, coalesce(s, o) AS n
WHERE n IS NOT NULL
SET n.name_cy = row.name_cy
RETURN 0 AS created, count(n) AS matched
