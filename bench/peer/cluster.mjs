// N copies of the peer (server.mjs) sharing one port through Node's cluster module, as the
// API's N uvicorn workers share theirs: the fair "N processes against N processes" comparison.
// Environment: WORKERS (default 1), and everything server.mjs reads.
import cluster from "node:cluster";

const workers = Math.max(1, Number(process.env.WORKERS ?? 1));
if (cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (_worker, code) => {
    if (code) process.exitCode = code;
  });
} else {
  await import("./server.mjs");
}
