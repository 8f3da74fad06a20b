// Fallback loader (used only while the project's ORUK loader is not importable): services,
// their organisation and one location each, in the shape of docs/model.md.
// Parameters:
//   $rows  list of {id, name, description, status, org_id, org_name, sector, sal_id, loc_id,
//                   latitude, longitude, source}
UNWIND $rows AS row
MERGE (o:Organization:Entity {id: row.org_id})
  SET o.name = row.org_name, o.sector = row.sector, o.source = row.source
MERGE (s:Service:Entity {id: row.id})
  SET s.name = row.name, s.description = row.description, s.status = row.status,
      s.source = row.source
MERGE (o)-[:PROVIDES]->(s)
MERGE (l:Location:Entity {id: row.loc_id})
  SET l.latitude = row.latitude, l.longitude = row.longitude,
      l.point = point({latitude: row.latitude, longitude: row.longitude}), l.source = row.source
MERGE (sal:ServiceAtLocation:Entity {id: row.sal_id})
  SET sal.source = row.source
MERGE (sal)-[:OF_SERVICE]->(s)
MERGE (sal)-[:AT_LOCATION]->(l)
