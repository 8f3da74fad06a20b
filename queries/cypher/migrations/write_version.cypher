// Record the graph's model version (in the same transaction as the migration to it).
// Parameters:
//   $version  int  the version the graph is now at
// Returns: nothing.
MERGE (m:ModelVersion {id: 'commongraph'})
SET m.version = $version
