"""The benchmark suite of ``make bench`` (issue 7): ratios measured in one run.

``python -m bench.run --size small|wales`` starts its own Neo4j, loads generated data, runs
every measure and writes ``docs/performance.md`` plus raw JSON in ``bench/results/``.
"""
