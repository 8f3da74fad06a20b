// Benchmark baseline (bench/bench_load.py): a bare UNWIND … CREATE of the loader's node rows,
// the lower bound a MERGE-based loader is compared with. Not used by any loader.
// Parameters:
//   $rows  list of {id: string, label: string, props: map}: label from the ORUK allow-list
//          (graph/oruk/models.py), never from input
UNWIND $rows AS row
CREATE (n:$(row.label):Entity)
SET n = row.props, n.id = row.id
