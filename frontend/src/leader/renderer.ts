// The WebGL view (sigma.js v3): node selection, a highlighted path with everything else
// dimmed, a short ForceAtlas2 layout in a web worker, and timing hooks for the tests.
import type Graph from "graphology";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";

const BIG_EDGES = 3_000;

export class GraphView {
  readonly renderer: Sigma;
  private layout: FA2Layout | null = null;
  private pathNodes = new Set<string>();
  private pathEdges = new Set<string>();
  selected: string | null = null;

  constructor(readonly graph: Graph, container: HTMLElement, onSelect: (node: string | null) => void) {
    this.renderer = new Sigma(graph, container, {
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 9,
      labelDensity: 0.4,
      hideEdgesOnMove: false,
      defaultEdgeType: "line",
      zIndex: true,
      nodeReducer: (node, data) => {
        const highlighted = this.pathNodes.has(node) || node === this.selected;
        if (this.pathNodes.size && !highlighted) return { ...data, color: "#d9dee3", label: "", zIndex: 0 };
        if (highlighted) return { ...data, highlighted: true, forceLabel: true, zIndex: 2 };
        return data;
      },
      edgeReducer: (edge, data) => {
        if (this.pathEdges.size) {
          return this.pathEdges.has(edge) ? { ...data, color: "#c1121f", size: 3, zIndex: 2 } : { ...data, color: "#eef0f2", zIndex: 0 };
        }
        return data;
      },
    });
    this.renderer.on("clickNode", ({ node }) => {
      this.selected = node;
      onSelect(node);
      this.renderer.refresh();
    });
    this.renderer.on("clickStage", () => {
      this.selected = null;
      onSelect(null);
      this.renderer.refresh();
    });
  }

  /** Lay out: a few synchronous ForceAtlas2 passes, then the worker refines for `ms`. */
  relayout(ms = 1500): void {
    this.layout?.kill();
    const settings = forceAtlas2.inferSettings(this.graph);
    const big = this.graph.order > 1000;
    forceAtlas2.assign(this.graph, { iterations: big ? 15 : 60, settings: { ...settings, barnesHutOptimize: big } });
    this.renderer.refresh();
    if (ms <= 0) return;
    const layout = new FA2Layout(this.graph, { settings: { ...settings, barnesHutOptimize: big, slowDown: 5 } });
    this.layout = layout;
    layout.start();
    setTimeout(() => {
      layout.kill();
      if (this.layout === layout) this.layout = null;
      document.dispatchEvent(new CustomEvent("commongraph:layout-done"));
    }, ms);
  }

  setPath(nodes: string[]): void {
    this.pathNodes = new Set(nodes);
    this.pathEdges = new Set();
    for (let i = 0; i + 1 < nodes.length; i++) {
      const edge = this.graph.edge(nodes[i], nodes[i + 1]);
      if (edge) this.pathEdges.add(edge);
    }
    this.renderer.refresh();
  }

  /** Big maps hide edges and labels while the camera moves, so pan and zoom stay fluid. */
  adaptToSize(): void {
    const big = this.graph.size > BIG_EDGES;
    this.renderer.setSetting("hideEdgesOnMove", big);
    this.renderer.setSetting("hideLabelsOnMove", big);
  }

  /** Wait for the GPU to finish queued drawing (timing only: WebGL calls return early). */
  finish(): void {
    for (const canvas of Object.values(this.renderer.getCanvases())) {
      const gl = (canvas.getContext("webgl2") ?? canvas.getContext("webgl")) as WebGLRenderingContext | null;
      gl?.finish();
    }
  }

  /** Nodes and edges of the highlighted path (read by the tests). */
  pathSize(): { nodes: number; edges: number } {
    return { nodes: this.pathNodes.size, edges: this.pathEdges.size };
  }

  refresh(): void {
    this.renderer.refresh();
  }

  kill(): void {
    this.layout?.kill();
    this.renderer.kill();
  }
}
