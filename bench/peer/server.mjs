// The throughput peer of `make bench` (issue 7): the same `assetsNear` GraphQL query served by
// the Neo4j GraphQL Library (@neo4j/graphql 7 on graphql@16, Apollo Server 5 standalone, one
// Node process), against the same Neo4j and data as commongraph's API.
//
// Schema shape: Query.assetsNear(latitude, longitude, radiusKm, first = 20) returning
// { edges { distanceKm node { id name } } pageInfo { hasNextPage } }, resolved by a top-level
// @cypher field. Its statement is commongraph's own queries/cypher/assets/assets_near.cypher,
// read at start-up, with the parameters that GraphQL arguments do not carry bound once to
// constants (radius -> prefilter, first + 1 -> limit, every optional filter -> null), and
// wrapped in `CALL () { ... }` to shape its one row (total, page) into the connection. The library reserves the
// type names `PageInfo` and `*Connection` for its own pagination, so the peer's types are
// named `NearPageInfo` and `AssetsPage`; field names, and so responses, are the same. Nothing from a request
// is ever pasted into the text: requests only supply the four arguments as parameters.
//
// Environment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, PORT (127.0.0.1 only).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const CYPHER_FILE = fileURLToPath(
  new URL("../../queries/cypher/assets/assets_near.cypher", import.meta.url),
);
// Neo4j's WGS-84 distance uses R = 6378.14 km, commongraph's haversine R = 6371.0088 km:
// the point-index prefilter is widened by the same factor as graph/repositories/assets.py.
const PREFILTER_FACTOR = 6378.14 / 6371.0088 + 1e-3;
const BOUND = {
  latitude: "$latitude",
  longitude: "$longitude",
  radius_km: "$radiusKm",
  prefilter_m: `($radiusKm * 1000.0 * ${PREFILTER_FACTOR})`,
  limit: "($first + 1)",
  free_only: "false",
  stale_before: "toString(datetime() - duration({months: 12}))",
};

export function peerStatement(text) {
  const declared = new Set();
  for (const line of text.split("\n")) {
    if (line.trimStart().startsWith("//")) {
      for (const match of line.matchAll(/\$([a-z_]+)/g)) declared.add(match[1]);
    }
  }
  const body = text
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("//"))
    .join("\n")
    .replace(/\$([a-z_]+)/g, (_, name) => {
      if (!declared.has(name)) throw new Error(`undeclared parameter $${name}`);
      return BOUND[name] ?? "null";
    });
  return `CALL () {
${body}
}
RETURN {
  edges: [r IN page[0..$first] | {distanceKm: r.distance_km, node: {id: r.id, name: r.props.name}}],
  pageInfo: {hasNextPage: size(page) > $first}
} AS result`;
}

const statement = peerStatement(readFileSync(CYPHER_FILE, "utf8"));
const typeDefs = `#graphql
  type Service {
    id: ID!
    name: String!
  }
  type AssetEdge {
    distanceKm: Float!
    node: Service!
  }
  type NearPageInfo {
    hasNextPage: Boolean!
  }
  type AssetsPage {
    edges: [AssetEdge!]!
    pageInfo: NearPageInfo!
  }
  type Query {
    assetsNear(latitude: Float!, longitude: Float!, radiusKm: Float!, first: Int = 20): AssetsPage!
      @cypher(statement: ${JSON.stringify(statement)}, columnName: "result")
  }
`;

const driver = neo4j.driver(
  process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
  neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
);
const database = process.env.NEO4J_DATABASE ?? "neo4j";
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port: Number(process.env.PORT ?? 4000) },
  context: async () => ({ sessionConfig: { database } }),
});
console.log(`peer ready at ${url}`);
for (const sig of ["SIGTERM", "SIGINT"]) {
  process.on(sig, async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  });
}
