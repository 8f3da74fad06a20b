// System-leader journey: a relationship map searched from a person, organisation, area,
// profession or sector, expanded hop by hop; colour by tribe/sector, size by betweenness;
// a highlighted path between two nodes; analytics panels; PNG and GEXF export.
import { op } from "../api/client";
import { distinctLabel, sameNames, KINDS_FOR, label, resolveName, suggestNames, type NameHit } from "./names";
import { categoryLabel, relationshipLabel } from "./labels";
import { vocabulary } from "../api/vocabulary";
import { currentViewer, onViewerChange } from "../api/auth";
import { inLanguage, onLanguageChange, t } from "../i18n";
import { field, h, option, setMessage, showFieldError } from "../ui/dom";
import { keyedScreen } from "../ui/screen";
import { exportGexf, exportPng } from "./exporters";
import { BETWEENNESS_LIMIT, colour, merge, newGraph, relabel, size, type ApiEdge, type ApiNode, type ColourBy } from "./model";
import { analyticsSection } from "./panels";
import { surveySection } from "../connections/survey";
import { GraphView } from "./renderer";
import type { NetworkGraphFieldsFragment as NetworkGraph } from "../api/generated/graphql";

const LIMIT = 500;

declare global {
  interface Window {
    commongraphLeader?: {
      show(nodes: ApiNode[], edges: ApiEdge[]): Promise<number>;
      view(): GraphView | null;
    };
  }
}

export function leaderView(root: HTMLElement): () => void {
  const graph = newGraph();
  let view: GraphView | null = null;
  let legend: [string, string][] = [];
  let sizedBy: "betweenness" | "degree" = "betweenness";
  let truncated = false;
  let hops = 1;
  let origin: { kind: string; value: string } | null = null;

  const kind = h("select", {}, option("node", "leader.kind.node"), option("area", "leader.kind.area"), option("tribe", "leader.kind.tribe"), option("sector", "leader.kind.sector"));
  const start = h("input", { type: "text", autocomplete: "off" });
  const colourBy = h("select", {}, option("tribe", "leader.colour.tribe"), option("sector", "leader.colour.sector"), option("kind", "leader.colour.kind"));
  const from = h("input", { type: "text", autocomplete: "off" });
  const to = h("input", { type: "text", autocomplete: "off" });
  const startNames = h("datalist", { id: "start-names" });
  const fromNames = h("datalist", { id: "from-names" });
  const toNames = h("datalist", { id: "to-names" });
  suggestNames(start, startNames, () => KINDS_FOR[kind.value]);
  suggestNames(from, fromNames, () => KINDS_FOR.node);
  suggestNames(to, toNames, () => KINDS_FOR.node);
  const canvas = h("div", { id: "graph", class: "graph", role: "img", "data-i18n-aria-label": "leader.graphLabel", "aria-label": t("leader.graphLabel") });
  const analytics = analyticsSection((id, name) => void focusOn(id, name));
  // Leaders see how complete the relationship picture is and invite teams to add to it.
  const survey = surveySection();
  const leads = (): boolean => ["leader", "admin"].includes(currentViewer()?.role ?? "");
  survey.hidden = !leads();
  const startForm = h(
    "form",
    { id: "graph-form", novalidate: true },
    h("div", { class: "search-row" },
      field("graph-kind", "leader.startKind", kind),
      field("graph-start", "leader.start", start, "leader.startHelp"),
      h("button", { type: "submit", class: "primary", id: "graph-show", i18n: "leader.show" }),
      h("button", { type: "button", id: "graph-expand", disabled: true, i18n: "leader.expand" }),
      h("button", { type: "button", id: "graph-expand-node", disabled: true, i18n: "leader.expandNode" }),
    ),
  );
  const viaPlaces = h("input", { type: "checkbox", id: "path-places" }) as HTMLInputElement;
  const pathForm = h(
    "form",
    { id: "path-form", novalidate: true },
    h("h2", { i18n: "leader.path" }),
    h("div", { class: "search-row" },
      field("path-from", "leader.from", from),
      field("path-to", "leader.to", to),
      h("div", { class: "field check" }, viaPlaces, h("label", { for: "path-places", i18n: "leader.viaPlaces" })),
      h("button", { type: "submit", id: "path-find", i18n: "leader.findPath" }),
      h("button", { type: "button", id: "path-clear", i18n: "leader.clearPath" }),
    ),
    h("p", { id: "path-message", class: "action-message", role: "status" }),
  );
  root.replaceChildren(
    keyedScreen(
      "leader",
      startForm,
      h("p", { id: "graph-origin", role: "status" }),
      h("p", { id: "graph-message", class: "action-message", role: "status" }),
      h("div", { class: "graph-layout" },
        canvas,
        h("aside", { class: "graph-side", "aria-label": t("leader.legend") },
          field("colour-by", "leader.colourBy", colourBy),
          h("p", { id: "graph-counts" }),
          h("p", { id: "graph-size-note", class: "help" }),
          h("p", { id: "graph-truncated", class: "notice", hidden: true, i18n: "leader.truncated" }),
          h("p", { id: "graph-generated", class: "notice", hidden: true, i18n: "leader.generatedNote" }),
          h("h2", { i18n: "leader.legend" }),
          h("ul", { id: "graph-legend", class: "legend" }),
          h("p", { id: "graph-selected" }),
          h("h2", { i18n: "leader.export" }),
          h("div", { class: "actions" },
            h("button", { type: "button", id: "export-png", i18n: "leader.png" }),
            h("button", { type: "button", id: "export-gexf", i18n: "leader.gexf" }),
          ),
          h("p", { id: "export-message", class: "action-message", role: "status" }),
        ),
      ),
      h("datalist", { id: "graph-node-ids" }),
      startNames,
      fromNames,
      toNames,
      pathForm,
      h("details", { class: "text-version" }, h("summary", { i18n: "leader.textVersion" }), h("table", { id: "graph-table" })),
      analytics.section,
      survey,
    ),
  );

  const describe = (): void => {
    setMessage("graph-counts", t("leader.counts", { nodes: graph.order, edges: graph.size }));
    setMessage("graph-size-note", sizedBy === "betweenness" ? t("leader.sizeNote") : t("leader.sizeDegree", { n: BETWEENNESS_LIMIT }));
    document.getElementById("graph-truncated")!.hidden = !truncated;
    const generated = graph.filterNodes((_, a) => Boolean(a.generated)).length;
    document.getElementById("graph-generated")!.hidden = generated === 0;
    document.getElementById("graph-legend")!.replaceChildren(
      ...legend.map(([key, colour]) => h("li", {}, h("span", { class: "swatch", style: `background:${colour}`, "aria-hidden": "true" }), categoryLabel(key))),
    );
    const selected = view?.selected;
    setMessage("graph-selected", selected ? t("leader.selected", { name: String(graph.getNodeAttribute(selected, "label")) }) : t("leader.noSelection"));
    (document.getElementById("graph-expand-node") as HTMLButtonElement).disabled = !selected;
    (document.getElementById("graph-expand") as HTMLButtonElement).disabled = !origin || origin.kind !== "node" || hops >= 3;
  };

  const textVersion = (): void => {
    const top = graph
      .mapNodes((n, a) => ({ id: n, label: String(a.label), kind: String(a.kind), tribe: String(a.tribe ?? ""), sector: String(a.sector ?? ""), score: Number(a.score ?? 0) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 50);
    document.getElementById("graph-table")!.replaceChildren(
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: t("leader.name") }), h("th", { scope: "col", text: t("leader.colour.kind") }), h("th", { scope: "col", text: t("leader.professionOrSector") }), h("th", { scope: "col", text: t("leader.betweenness") }))),
      h("tbody", {}, ...top.map((n) => h("tr", {}, h("td", { text: `${n.label}${graph.getNodeAttribute(n.id, "generated") ? ` (${t("leader.generatedMark")})` : ""}` }), h("td", { text: categoryLabel(n.kind) }), h("td", { text: categoryLabel(n.tribe || n.sector || "") }), h("td", { text: n.score.toFixed(3) })))),
    );
    document.getElementById("graph-node-ids")!.replaceChildren(...graph.mapNodes((n, a) => h("option", { value: n, text: a.label })).slice(0, 500));
  };

  /** Merge a view into the map and draw it; resolves with ms from data to first frame. */
  const show = async (nodes: ApiNode[], edges: ApiEdge[], layoutMs = 1500): Promise<number> => {
    const began = performance.now();
    merge(graph, nodes, edges);
    sizedBy = size(graph);
    legend = colour(graph, colourBy.value as ColourBy);
    if (!view) view = new GraphView(graph, canvas, () => describe());
    view.adaptToSize();
    const firstFrame = new Promise<number>((resolve) => {
      view!.renderer.once("afterRender", () => {
        view!.finish();
        resolve(performance.now() - began);
      });
    });
    view.relayout(layoutMs);
    describe();
    textVersion();
    return firstFrame;
  };

  /** An analysis row on the map: the node and everyone tied to it, the node highlighted. */
  const focusOn = async (id: string, name: string): Promise<void> => {
    origin = { kind: "node", value: id };
    hops = 1;
    start.value = name;
    await load(ego(id, 1), true);
    view?.setPath([id]);
    canvas.scrollIntoView({ behavior: "smooth", block: "center" });
    setMessage("graph-message", t("leader.focused", { name }));
  };

  const load = async (query: Promise<NetworkGraph>, replace: boolean): Promise<void> => {
    setMessage("graph-message", t("common.loading"));
    try {
      const result = await query;
      if (replace) {
        view?.setPath([]);
        graph.clear();
      }
      truncated = result.truncated;
      const before = [graph.order, graph.size];
      await show(result.nodes, result.edges);
      const added = graph.order - before[0];
      setMessage(
        "graph-message",
        replace ? "" : added || graph.size > before[1] ? t("leader.added", { n: added }) : t("leader.nothingNew"),
      );
    } catch (error) {
      setMessage("graph-message", (error as Error).message, true);
      showFieldError("graph-start", (error as Error).message);
    }
  };

  const ego = (id: string, n: number) =>
    op("egoNetwork", { id, hops: n, limit: LIMIT }).then((d) => d.egoNetwork);

  /** The typed name (or id) as the id of what it names, or null after saying why not. */
  const named = async (input: HTMLInputElement, fieldId: string, kinds: string[], none: "leader.noSuchName" | "leader.noSuchNode" = "leader.noSuchName"): Promise<NameHit | null> => {
    const value = input.value.trim();
    if (!value) {
      showFieldError(fieldId, t("valid.required"));
      return null;
    }
    if (!currentViewer()) {
      // One notice above the map, not every box marked wrong: the names are not the problem.
      setMessage("graph-message", t("leader.needKey"), true);
      return null;
    }
    try {
      const hit = graph.hasNode(value)
        ? { __typename: "LookupHit" as const, context: null, id: value, name: String(graph.getNodeAttribute(value, "label")), nameCy: null, kind: "node", detail: null, similarity: 100 }
        : await resolveName(value, kinds);
      if (Array.isArray(hit)) {
        showFieldError(
          fieldId,
          hit.length
            ? t(sameNames(hit, value) ? "leader.whichOne" : "leader.didYouMean", { name: value, names: hit.map(distinctLabel).join("; ") })
            : t(none, { name: value }),
        );
        return null;
      }
      return hit;
    } catch (error) {
      showFieldError(fieldId, (error as Error).message);
      return null;
    }
  };

  startForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    showFieldError("graph-start", null);
    let hit = await named(start, "graph-start", KINDS_FOR[kind.value]);
    if (!hit && currentViewer() && start.value.trim()) {
      // "Caerdydd" typed with the kind "person…", or "Sarah Murphy" after an area: a name that
      // is clearly of another kind starts the map as that kind, and the kind follows.
      const others = Object.entries(KINDS_FOR).filter(([k]) => k !== kind.value);
      const other = await resolveName(start.value.trim(), others.flatMap(([, kinds]) => kinds)).catch(() => []);
      const to = Array.isArray(other) ? undefined : others.find(([, kinds]) => kinds.includes(other.kind))?.[0];
      if (!Array.isArray(other) && to) {
        kind.value = to;
        showFieldError("graph-start", null);
        hit = other;
      }
    }
    if (!hit) return;
    origin = { kind: kind.value, value: hit.id };
    hops = 1;
    setMessage("graph-origin", t("leader.around", { name: label(hit) }));
    if (kind.value === "node") void load(ego(hit.id, 1), true);
    else {
      const filter = { area: { areaId: hit.id }, tribe: { tribe: hit.id }, sector: { sector: hit.id } }[kind.value as "area" | "tribe" | "sector"];
      void load(op("relationshipMap", { filter, limit: LIMIT }).then((d) => d.relationshipMap), true);
    }
  });
  document.getElementById("graph-expand")!.addEventListener("click", () => {
    if (!origin || origin.kind !== "node" || hops >= 3) return;
    hops += 1;
    void load(ego(origin.value, hops), false);
  });
  document.getElementById("graph-expand-node")!.addEventListener("click", () => {
    if (view?.selected) void load(ego(view.selected, 1), false);
  });
  colourBy.addEventListener("change", () => {
    legend = colour(graph, colourBy.value as ColourBy);
    view?.refresh();
    describe();
  });
  pathForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    showFieldError("path-from", null);
    showFieldError("path-to", null);
    const [a, b] = await Promise.all([named(from, "path-from", KINDS_FOR.node, "leader.noSuchNode"), named(to, "path-to", KINDS_FOR.node, "leader.noSuchNode")]);
    if (!a || !b) {
      setMessage("path-message", "");
      view?.setPath([]);
      return;
    }
    setMessage("path-message", t("common.loading"));
    try {
      const data = await op("connection", {
        fromId: a.id,
        toId: b.id,
        viaPlaces: viaPlaces.checked,
      });
      const path = data.connection[0];
      if (!path) {
        setMessage("path-message", t(viaPlaces.checked ? "leader.noPath" : "leader.noPathPeople"));
        view?.setPath([]);
        return;
      }
      await show(path.nodes, path.steps, graph.order ? 0 : 800);
      view?.setPath(path.nodes.map((n) => n.id));
      const steps = path.nodes.map((n, i) => (i ? `—${relationshipLabel(path.steps[i - 1].type)}→ ${inLanguage(n.label, n.labelCy)}` : inLanguage(n.label, n.labelCy))).join(" ");
      const how = `leader.through.${path.through === "places" || path.through === "organisations" ? path.through : "people"}` as const;
      setMessage("path-message", `${t(how)} ${t("leader.pathSteps", { steps })}`);
    } catch (error) {
      const problem = error as { field?: string | null; message: string };
      if (problem.field === "toId") showFieldError("path-to", problem.message);
      else if (problem.field === "fromId") showFieldError("path-from", problem.message);
      setMessage("path-message", problem.message, true);
    }
  });
  document.getElementById("path-clear")!.addEventListener("click", () => {
    view?.setPath([]);
    setMessage("path-message", "");
  });
  document.getElementById("export-png")!.addEventListener("click", async () => {
    if (!view) return;
    try {
      await exportPng(view.renderer);
    } catch (error) {
      setMessage("export-message", (error as Error).message, true);
    }
  });
  document.getElementById("export-gexf")!.addEventListener("click", () => exportGexf(graph));

  void vocabulary().then(() => {
    describe();
    textVersion();
  });
  window.commongraphLeader = { show: (nodes, edges) => show(nodes, edges, 0), view: () => view };
  describe();
  const stopLanguage = onLanguageChange(() => {
    relabel(graph);
    describe();
    textVersion();
  });
  const stopViewer = onViewerChange(() => {
    document.getElementById("leader-key")!.hidden = Boolean(currentViewer());
    survey.hidden = !leads();
  });
  // "See me on the map" (#/leader?focus=<id>&name=<name>): open that node's neighbourhood.
  const asked = new URLSearchParams(window.location.hash.split("?")[1] ?? "");
  const focus = asked.get("focus");
  if (focus) void focusOn(focus, asked.get("name") || focus);
  return () => {
    stopLanguage();
    stopViewer();
    analytics.stop();
    view?.kill();
    view = null;
    delete window.commongraphLeader;
  };
}
