// The relationship graph in the browser: merge API views into one graphology graph, colour
// nodes by a category, size them by betweenness (Brandes 2001, via graphology-metrics) or by
// degree above BETWEENNESS_LIMIT nodes, where the O(n·m) computation would stall the page.
import Graph from "graphology";
import betweenness from "graphology-metrics/centrality/betweenness";
import type { GraphEdgeFieldsFragment, GraphNodeFieldsFragment } from "../api/generated/graphql";
import { inLanguage } from "../i18n";

/** A node and a tie as the API's relationship views send them (generated from the schema). */
export type ApiNode = GraphNodeFieldsFragment;
export type ApiEdge = GraphEdgeFieldsFragment;

export type ColourBy = "tribe" | "sector" | "kind";

export const BETWEENNESS_LIMIT = 2500;

// Okabe–Ito and Tol's colour-blind-safe palettes, then greys.
// 21 distinguishable colours (Okabe & Ito's seven, Paul Tol's muted nine, five more), then
// the grey of "not known": one for each of the 21 fixed categories below, none repeated.
const PALETTE = [
  "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#56b4e9", "#a6761d",
  "#882255", "#117733", "#332288", "#999933", "#aa4499", "#44aa99", "#661100", "#6699cc", "#ddcc77",
  "#8c564b", "#17becf", "#6a3d9a", "#b2df8a", "#fb9a99",
  "#888888",
];

// Each category keeps its colour from one map to the next (a nurse is the same colour
// everywhere): a fixed place in these lists, else a hash of its name.
const PROFESSIONS = ["gp", "nurse", "social_worker", "ot", "physiotherapist", "cpn", "support_worker", "community_connector", "volunteer", "planner", "councillor", "manager", "public_health", "teacher", "pharmacist", "community_member"];
const SECTORS = ["primary_care", "secondary_care", "social_care", "third_sector", "public_health", "education", "housing", "local_government"];
const KINDS = ["Person", "Organization", "Team", "Service", "Area", "Location"];
const FIXED: Record<ColourBy, string[]> = {
  tribe: [...PROFESSIONS, ...KINDS.slice(1)],
  sector: [...SECTORS, ...KINDS],
  kind: KINDS,
};

/** The colour a category always has when the map is coloured by `by`. */
export function categoryColour(key: string, by: ColourBy): string {
  const place = FIXED[by].indexOf(key);
  let index = place;
  if (place < 0) {
    index = 0;
    for (const char of key) index = (index * 31 + char.charCodeAt(0)) >>> 0;
  }
  return PALETTE[index % (PALETTE.length - 1)];
}

export function newGraph(): Graph {
  return new Graph({ multi: false, type: "undirected", allowSelfLoops: false });
}

/** Show every node's label in the reader's language (after a language switch). */
export function relabel(graph: Graph): void {
  graph.updateEachNodeAttributes((_, a) => ({ ...a, label: inLanguage(String(a.labelEn ?? a.label), String(a.labelCy ?? "")) }));
}

/** Add nodes and edges not yet in the graph; returns how many nodes were new. */
export function merge(graph: Graph, nodes: ApiNode[], edges: ApiEdge[]): number {
  let added = 0;
  const count = graph.order + nodes.length;
  for (const node of nodes) {
    if (graph.hasNode(node.id)) continue;
    const angle = (graph.order / Math.max(count, 1)) * Math.PI * 2 * 7.3;
    const radius = Math.sqrt(graph.order + 1);
    graph.addNode(node.id, {
      // what the map shows, in the reader's language; both kept for a language switch
      label: inLanguage(node.label, node.labelCy),
      labelEn: node.label,
      labelCy: node.labelCy ?? "",
      kind: node.kind,
      tribe: node.tribe ?? "",
      sector: node.sector ?? "",
      organisationId: node.organisationId ?? "",
      generated: Boolean(node.generated),
      x: Math.cos(angle) * radius,
      y: Math.sin(angle) * radius,
      size: 3,
      color: PALETTE[PALETTE.length - 1],
    });
    added++;
  }
  for (const edge of edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target) || edge.source === edge.target) continue;
    if (graph.hasEdge(edge.source, edge.target)) continue;
    graph.addEdge(edge.source, edge.target, { type: "line", relation: edge.type, weight: edge.weight ?? 1, size: 0.6, color: "#b8c2cc" });
  }
  return added;
}

export function category(graph: Graph, node: string, by: ColourBy): string {
  const attrs = graph.getNodeAttributes(node);
  return String(attrs[by] || (by === "kind" ? "" : attrs.kind) || "?");
}

/** Colour every node by `by`; returns the legend (category → colour), largest first. */
export function colour(graph: Graph, by: ColourBy): [string, string][] {
  const counts = new Map<string, number>();
  graph.forEachNode((node) => {
    const key = category(graph, node, by);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const order = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const colours = new Map(order.map(([key]) => [key, categoryColour(key, by)]));
  graph.forEachNode((node) => graph.setNodeAttribute(node, "color", colours.get(category(graph, node, by))));
  return order.map(([key]) => [key, colours.get(key)!]);
}

/** Size nodes by normalised betweenness (or degree on big graphs); returns which was used. */
export function size(graph: Graph): "betweenness" | "degree" {
  if (!graph.order) return "betweenness";
  const useBetweenness = graph.order <= BETWEENNESS_LIMIT;
  const scores: Record<string, number> = useBetweenness
    ? betweenness(graph, { normalized: true })
    : Object.fromEntries(graph.mapNodes((n) => [n, graph.degree(n)]));
  let max = 0;
  for (const value of Object.values(scores)) max = Math.max(max, value);
  graph.forEachNode((node) => {
    const score = scores[node] ?? 0;
    graph.mergeNodeAttributes(node, { score, size: 2.5 + 12 * Math.sqrt(max ? score / max : 0) });
  });
  return useBetweenness ? "betweenness" : "degree";
}
