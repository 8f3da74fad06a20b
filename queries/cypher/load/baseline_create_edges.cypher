// Benchmark baseline (bench/bench_load.py): a bare UNWIND … CREATE of the loader's
// relationship rows between nodes found by id. Not used by any loader.
// Parameters:
//   $rows  list of {src: string, dst: string, type: string, ordinal: int}: type from the ORUK
//          allow-list (graph/oruk/models.py), never from input
UNWIND $rows AS row
MATCH (a:Entity {id: row.src})
MATCH (b:Entity {id: row.dst})
CREATE (a)-[r:$(row.type)]->(b)
SET r.ordinal = row.ordinal
