// Gaps, duplication and bottlenecks: the analytics reports (GET /api/analyse/…) as tables
// with the numbers behind them.
import { getJson } from "../api/client";
import { onLanguageChange, t, type MessageKey } from "../i18n";
import { h, setMessage } from "../ui/dom";

interface Gaps {
  coverage: { area: string; need: string; score: number }[];
  group_gaps: { groups: [string, string]; ties: number; expected: number }[];
}
interface Duplicates {
  listings: { ids: string[]; confidence: number }[];
  overlaps: { need: string; area: string; service_ids: string[] }[];
}
interface Bottlenecks {
  brokers: { id: string; name: string; betweenness: number }[];
  articulation_points: string[];
  bridges: [string, string][];
}

function table(caption: MessageKey, headers: MessageKey[], rows: (string | number)[][]): HTMLElement {
  if (!rows.length) return h("p", { text: `${t(caption)}: ${t("leader.noRows")}` });
  return h(
    "table",
    {},
    h("caption", { text: t(caption) }),
    h("thead", {}, h("tr", {}, ...headers.map((k) => h("th", { scope: "col", text: t(k) })))),
    h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c) => h("td", { text: typeof c === "number" ? c.toFixed(3) : c }))))),
  );
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

export function analyticsSection(): { section: HTMLElement; stop: () => void } {
  const prefix = h("input", { id: "analyse-prefix", type: "text", autocomplete: "off" });
  const run = h("button", { type: "button", id: "analyse-run", i18n: "leader.run" });
  const section = h(
    "section",
    { class: "panel analytics", "aria-labelledby": "analytics-heading" },
    h("h2", { id: "analytics-heading", i18n: "leader.analytics" }),
    h("div", { class: "field" }, h("label", { for: "analyse-prefix", i18n: "leader.prefix" }), prefix),
    run,
    h("p", { id: "analyse-message", class: "action-message", role: "status" }),
    h("div", { class: "report-grid" },
      h("section", { id: "panel-gaps", "aria-labelledby": "gaps-h" }, h("h3", { id: "gaps-h", i18n: "leader.gaps" }), h("div", { class: "report" })),
      h("section", { id: "panel-duplicates", "aria-labelledby": "dup-h" }, h("h3", { id: "dup-h", i18n: "leader.duplicates" }), h("div", { class: "report" })),
      h("section", { id: "panel-bottlenecks", "aria-labelledby": "bot-h" }, h("h3", { id: "bot-h", i18n: "leader.bottlenecks" }), h("div", { class: "report" })),
    ),
  );
  let last: { gaps: Gaps; duplicates: Duplicates; bottlenecks: Bottlenecks } | null = null;
  const draw = () => {
    if (!last) return;
    const { gaps, duplicates, bottlenecks } = last;
    section.querySelector("#panel-gaps .report")!.replaceChildren(
      table("leader.gaps", ["leader.area", "leader.need", "leader.score"], gaps.coverage.map((c) => [c.area, c.need, c.score])),
      table("leader.groups", ["leader.groups", "leader.ties", "leader.expected"], gaps.group_gaps.map((g) => [g.groups.join(" – "), fmt(g.ties), fmt(g.expected)])),
    );
    section.querySelector("#panel-duplicates .report")!.replaceChildren(
      table("leader.listings", ["leader.listings", "leader.confidence"], duplicates.listings.map((l) => [l.ids.join(", "), l.confidence])),
      table("leader.services", ["leader.need", "leader.area", "leader.services"], duplicates.overlaps.map((o) => [o.need, o.area, String(o.service_ids.length)])),
    );
    section.querySelector("#panel-bottlenecks .report")!.replaceChildren(
      table("leader.bottlenecks", ["leader.broker", "leader.betweenness"], bottlenecks.brokers.map((b) => [b.name || b.id, b.betweenness])),
      h("p", { text: t("leader.articulation", { n: bottlenecks.articulation_points.length }) }),
      h("p", { text: t("leader.bridges", { n: bottlenecks.bridges.length }) }),
    );
  };
  run.addEventListener("click", async () => {
    setMessage("analyse-message", t("common.loading"));
    const query = `?top=10${prefix.value.trim() ? `&prefix=${encodeURIComponent(prefix.value.trim())}` : ""}`;
    try {
      const [gaps, duplicates, bottlenecks] = await Promise.all([
        getJson<Gaps>(`/api/analyse/gaps${query}`),
        getJson<Duplicates>(`/api/analyse/duplicates${query}`),
        getJson<Bottlenecks>(`/api/analyse/bottlenecks${query}`),
      ]);
      last = { gaps, duplicates, bottlenecks };
      draw();
      setMessage("analyse-message", "");
    } catch (error) {
      setMessage("analyse-message", (error as Error).message, true);
    }
  });
  return { section, stop: onLanguageChange(draw) };
}
