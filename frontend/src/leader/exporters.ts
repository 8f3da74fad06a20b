// Export the current map: PNG (all sigma layers drawn on one canvas) and GEXF 1.3 (Gephi).
import { toBlob } from "@sigma/export-image";
import type Graph from "graphology";
import { write } from "graphology-gexf/browser";
import type Sigma from "sigma";

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function exportPng(renderer: Sigma): Promise<void> {
  const blob = await toBlob(renderer, { format: "png", backgroundColor: "#ffffff" });
  download(blob, "commongraph-relationships.png");
}

export function exportGexf(graph: Graph): void {
  const xml = write(graph, {
    formatNode: (key, attrs) => ({
      label: String(attrs.label ?? key),
      attributes: { kind: attrs.kind, tribe: attrs.tribe, sector: attrs.sector, score: attrs.score ?? 0 },
      viz: { color: attrs.color, x: attrs.x, y: attrs.y, size: attrs.size },
    }),
    formatEdge: (_key, attrs) => ({ attributes: { type: attrs.relation }, weight: attrs.weight }),
  });
  download(new Blob([xml], { type: "application/gexf+xml" }), "commongraph-relationships.gexf");
}
