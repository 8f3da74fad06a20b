"""The local Neo4j Community server that commongraph installs, configures and runs itself.

`pom.xml` beside this file lets Maven copy Neo4j 5.26 LTS and its runtime jars into `lib/`;
:mod:`graph.server.config` writes `neo4j.conf`; :mod:`graph.server.manager` starts and stops
`org.neo4j.server.CommunityEntryPoint` on the machine's Java 17 (docs/decisions.md F1).
"""
