// Merge a batch of WORKS_WITH relationships from a relationship table (load relationships EDGES.csv).
// Both endpoints exist already (the loader checks and names the rows whose endpoints do not).
// Parameters:
//   $rows    list of {src: string, dst: string, weight: float|null, strength: float|null}
//            (strength: the weight when it is from 0 to 1, else null)
//   $source  string: provenance of the table
//   $now     string: ISO date-time of this load
UNWIND $rows AS row
MATCH (a:Entity {id: row.src})
MATCH (b:Entity {id: row.dst})
MERGE (a)-[r:WORKS_WITH]->(b)
  ON CREATE SET r.created_at = $now, r.source = $source
SET r.weight = row.weight,
    r.strength = row.strength
