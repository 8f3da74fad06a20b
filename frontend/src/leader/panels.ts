// Gaps, duplication and bottlenecks for a leader: each measure in words (names, never ids or
// codes), one sentence on what it means and what to do, the true total with the whole list
// paged, rows that show their node on the map, CSV download and a printable page. The scope
// is chosen by name (an area, organisation, team or profession), not by an id prefix.
import { currentViewer } from "../api/auth";
import { getJson } from "../api/client";
import type { BottlenecksReport, DuplicatesReport, GapsReport } from "../api/generated/rest";
import { termLabel, vocabulary } from "../api/vocabulary";
import { language, onLanguageChange, t, type MessageKey } from "../i18n";
import { h, setMessage, showFieldError } from "../ui/dom";
import { categoryLabel } from "./labels";
import { distinctLabel, sameNames, label, resolveName, suggestNames } from "./names";

interface Reports {
  gaps: GapsReport;
  duplicates: DuplicatesReport;
  bottlenecks: BottlenecksReport;
}

/** One row of a measure: its cells in words and, when it is one node, that node's id. */
interface Row {
  cells: string[];
  focus?: string;
  /** The focused node's name, where the first cell is not it (a pair of listings). */
  focusName?: string;
}
/** One measure: a titled table with a sentence saying what it means, and its true total. */
interface Measure {
  id: string;
  title: MessageKey;
  means: MessageKey;
  columns: MessageKey[];
  rows: Row[];
  total: number;
}

const PAGE = 10;
/** Measures about places and listings, which a profession (a scope with no place) has none of. */
const ABOUT_PLACES = new Set(["coverage", "unreached", "listings", "overlaps"]);
/** Rows of each measure on the printed page. */
const PRINT_ROWS = 25;
/** Kinds a scope may be chosen from (lookup kinds). */
const SCOPE_KINDS = ["area", "organisation", "team", "profession"];
const ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"] as const;

const need = (id: string): string => termLabel("needs", id) ?? id;
const percent = (x: number): string => `${Math.round(x * 100)}%`;
const number = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(x < 10 ? 2 : 1));

function mainRole(roles: Record<string, number>): string {
  const [role, count] = ROLES.map((r) => [r, roles[r] ?? 0] as const).sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? t("leader.role.count", { role: t(`leader.role.${role}`), n: count }) : t("leader.role.none");
}

function measures(r: Reports): Record<"gaps" | "duplicates" | "bottlenecks", Measure[]> {
  const { gaps, duplicates, bottlenecks } = r;
  // Names in the reader's language where the data has a Welsh one ("Sir Ddinbych").
  const named = (report: { names: Record<string, string>; names_cy?: Record<string, string> }, id: string) =>
    (language() === "cy" ? report.names_cy?.[id] : undefined) ?? report.names[id] ?? id;
  const gapName = (id: string) => named(gaps, id);
  const dupName = (id: string) => named(duplicates, id);
  const few = (ids: string[]) =>
    ids.length > 3 ? t("leader.andMore", { names: ids.slice(0, 3).map(dupName).join("; "), n: ids.length - 3 }) : ids.map(dupName).join("; ");
  const botName = (id: string) => named(bottlenecks, id);
  return {
    gaps: [
      {
        id: "coverage",
        title: "leader.m.coverage",
        means: "leader.m.coverageMeans",
        columns: ["leader.area", "leader.need", "leader.score"],
        rows: gaps.coverage.map((c) => ({ cells: [gapName(c.area), need(c.need), number(c.score)] })),
        total: gaps.totals.area_needs,
      },
      {
        id: "unreached",
        title: "leader.m.unreached",
        means: "leader.m.unreachedMeans",
        columns: ["leader.area", "leader.need"],
        rows: gaps.unreached.map((c) => ({ cells: [gapName(c.area), need(c.need)] })),
        total: gaps.totals.unreached,
      },
      {
        id: "team-gaps",
        title: "leader.m.teamGaps",
        means: "leader.m.teamGapsMeans",
        columns: ["leader.team", "leader.area", "leader.missingRoles", "leader.onPull"],
        rows: gaps.team_gaps.map((g) => ({
          cells: [
            gapName(g.team),
            g.area ? gapName(g.area) : "",
            g.missing_roles.map(categoryLabel).join(", "),
            g.missing_roles.map((r) => `${categoryLabel(r)}: ${g.on_pull[r]?.length ?? 0}`).join(", "),
          ],
          focus: g.team,
        })),
        total: gaps.team_gaps.length,
      },
      {
        id: "group-gaps",
        title: "leader.m.groupGaps",
        means: "leader.m.groupGapsMeans",
        columns: ["leader.groups", "leader.ties", "leader.expected"],
        rows: gaps.group_gaps.map((g) => ({
          cells: [g.groups.map(categoryLabel).join(" – "), number(g.ties), number(g.expected)],
        })),
        total: gaps.group_gaps.length,
      },
    ],
    duplicates: [
      {
        id: "listings",
        title: "leader.m.listings",
        means: "leader.m.listingsMeans",
        columns: ["leader.listings", "leader.confidence"],
        rows: duplicates.listings.map((l) => ({ cells: [l.ids.map(dupName).join(" = "), percent(l.confidence)], focus: l.ids[0], focusName: dupName(l.ids[0]) })),
        total: duplicates.totals.listings,
      },
      {
        id: "overlaps",
        title: "leader.m.overlaps",
        means: "leader.m.overlapsMeans",
        columns: ["leader.need", "leader.area", "leader.services"],
        rows: duplicates.overlaps.map((o) => ({
          cells: [need(o.need), dupName(o.area), few(o.service_ids)],
          focus: o.service_ids[0],
          focusName: dupName(o.service_ids[0]),
        })),
        total: duplicates.totals.overlaps,
      },
    ],
    bottlenecks: [
      {
        id: "brokers",
        title: "leader.m.brokers",
        means: "leader.m.brokersMeans",
        columns: ["leader.person", "leader.profession", "leader.betweenness", "leader.role"],
        rows: bottlenecks.brokers.map((b) => ({
          cells: [b.name, b.tribe ? categoryLabel(b.tribe) : "", b.betweenness.toFixed(3), mainRole(b.roles)],
          focus: b.id,
        })),
        total: bottlenecks.totals.people,
      },
      {
        id: "other-brokers",
        title: "leader.m.otherBrokers",
        means: "leader.m.otherBrokersMeans",
        columns: ["leader.name", "leader.kind", "leader.betweenness"],
        rows: bottlenecks.other_brokers.map((b) => ({ cells: [b.name, categoryLabel(b.kind === "organisation" ? "Organization" : b.kind[0].toUpperCase() + b.kind.slice(1)), b.betweenness.toFixed(3)], focus: b.id })),
        total: bottlenecks.other_brokers.length,
      },
      {
        id: "cut-points",
        title: "leader.m.cutPoints",
        means: "leader.m.cutPointsMeans",
        columns: ["leader.name"],
        rows: bottlenecks.articulation_points.map((id) => ({ cells: [botName(id)], focus: id })),
        total: bottlenecks.totals.articulation_points,
      },
      {
        id: "bridges",
        title: "leader.m.bridges",
        means: "leader.m.bridgesMeans",
        columns: ["leader.from", "leader.to"],
        rows: bottlenecks.bridges_between_groups.map(([a, b]) => ({ cells: [botName(a), botName(b)], focus: a })),
        total: bottlenecks.totals.bridges_between_groups,
      },
    ],
  };
}

function csv(m: Measure): string {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return [m.columns.map((c) => t(c)), ...m.rows.map((r) => r.cells)].map((line) => line.map(quote).join(",")).join("\n") + "\n";
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob(["\ufeff", text], { type: "text/csv;charset=utf-8" }));
  const link = h("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export function analyticsSection(focus: (id: string, name: string) => void): { section: HTMLElement; stop: () => void } {
  const scope = h("input", { id: "analyse-scope", type: "text", autocomplete: "off" });
  const scopeNames = h("datalist", { id: "analyse-scope-names" });
  suggestNames(scope, scopeNames, () => SCOPE_KINDS);
  const run = h("button", { type: "button", id: "analyse-run", class: "primary", i18n: "leader.run" });
  const print = h("button", { type: "button", id: "analyse-print", disabled: true, i18n: "leader.print" });
  const scopeField = h(
    "div",
    { class: "field" },
    h("label", { for: "analyse-scope", i18n: "leader.scope" }),
    scope,
    scopeNames,
    h("p", { class: "help", id: "analyse-scope-help", i18n: "leader.scopeHelp" }),
    h("p", { class: "field-error", id: "analyse-scope-error", "aria-live": "polite" }),
  );
  scope.setAttribute("aria-describedby", "analyse-scope-help analyse-scope-error");
  const panel = (id: string, heading: MessageKey, basis: MessageKey) =>
    h(
      "section",
      { id: `panel-${id}`, "aria-labelledby": `${id}-h` },
      h("h3", { id: `${id}-h`, i18n: heading }),
      h("p", { class: "basis", i18n: basis }),
      h("div", { class: "report" }),
    );
  const section = h(
    "section",
    { class: "panel analytics", "aria-labelledby": "analytics-heading" },
    h("h2", { id: "analytics-heading", i18n: "leader.analytics" }),
    h("div", { class: "search-row no-print" }, scopeField, run, print),
    h("p", { id: "analyse-message", class: "action-message", role: "status" }),
    h("p", { id: "analyse-scope-said", class: "intro" }),
    h("div", { class: "report-grid" },
      panel("gaps", "leader.gaps", "leader.basis.gaps"),
      panel("duplicates", "leader.duplicates", "leader.basis.duplicates"),
      panel("bottlenecks", "leader.bottlenecks", "leader.basis.bottlenecks"),
    ),
  );
  let last: Reports | null = null;
  let scopeName = "";
  let scopeKind = "";
  const pages: Record<string, number> = {};
  let printing = false;

  const measureBlock = (m: Measure): HTMLElement => {
    const page = printing ? 0 : (pages[m.id] ?? 0);
    // A printed report is a summary: the first PRINT_ROWS of each measure (the CSV has all).
    const shown = printing ? m.rows.slice(0, PRINT_ROWS) : m.rows.slice(page * PAGE, page * PAGE + PAGE);
    const block = h("div", { class: "measure", id: `measure-${m.id}` }, h("h4", { i18n: m.title }), h("p", { class: "means", i18n: m.means }));
    if (!m.rows.length) {
      const placeless = scopeKind === "profession" && ABOUT_PLACES.has(m.id);
      block.append(h("p", { class: "count", text: placeless ? t("leader.notForProfession") : t("leader.noRows") }));
      return block;
    }
    const from = page * PAGE + 1;
    const count = t(m.total > m.rows.length ? "leader.countLoaded" : "leader.count", {
      from: printing ? 1 : from,
      to: printing ? shown.length : from + shown.length - 1,
      total: m.total,
      loaded: m.rows.length,
    });
    block.append(
      h("p", { class: "count", text: count }),
      h("div", { class: "table-scroll" }, h(
        "table",
        {},
        h("caption", { class: "visually-hidden", text: t(m.title) }),
        h("thead", {}, h("tr", {}, ...m.columns.map((c) => h("th", { scope: "col", text: t(c) })), printing ? null : h("th", { scope: "col", class: "visually-hidden", text: t("leader.onMap") }))),
        h(
          "tbody",
          {},
          ...shown.map((r) => {
            const cells = r.cells.map((c) => h("td", { text: c }));
            if (!printing) {
              const show = r.focus ? h("button", { type: "button", class: "link no-print", text: t("leader.showOnMap"), "aria-label": `${t("leader.showOnMap")}: ${r.cells[0]}` }) : null;
              show?.addEventListener("click", () => focus(r.focus!, r.focusName ?? r.cells[0]));
              cells.push(h("td", {}, show));
            }
            return h("tr", {}, ...cells);
          }),
        ),
      )),
    );
    if (printing) return block;
    const pager = h("div", { class: "pager no-print" });
    const previous = h("button", { type: "button", text: t("leader.previous"), disabled: page === 0 });
    const next = h("button", { type: "button", text: t("leader.next"), disabled: (page + 1) * PAGE >= m.rows.length });
    const csvButton = h("button", { type: "button", text: t("leader.csv") });
    previous.addEventListener("click", () => {
      pages[m.id] = page - 1;
      draw();
    });
    next.addEventListener("click", () => {
      pages[m.id] = page + 1;
      draw();
    });
    csvButton.addEventListener("click", () => download(`commongraph-${m.id}.csv`, csv(m)));
    pager.append(previous, next, csvButton);
    block.append(pager);
    return block;
  };

  const draw = (): void => {
    if (!last) return;
    const all = measures(last);
    for (const [key, list] of Object.entries(all)) {
      section.querySelector(`#panel-${key} .report`)!.replaceChildren(...list.map(measureBlock));
    }
    const noData = last.gaps.no_supply_data;
    if (noData.length) {
      section.querySelector("#panel-gaps .report")!.prepend(h("p", { class: "note", id: "no-supply-data", text: t("leader.noSupplyData", { needs: noData.map(need).join(", ") }) }));
    }
    const unmapped = last.gaps.totals.area_needs_without_mapped_supply;
    if (unmapped) section.querySelector("#measure-coverage")!.append(h("p", { class: "note", text: t("leader.unmapped", { n: unmapped }) }));
    const extra = last.bottlenecks.totals.bridges_to_single_tie;
    if (extra) section.querySelector("#measure-bridges")!.append(h("p", { class: "note", text: t("leader.singleTieBridges", { n: extra }) }));
    setMessage("analyse-scope-said", scopeName ? t("leader.scopeSaid", { name: scopeName }) : t("leader.scopeAll"));
  };

  run.addEventListener("click", async () => {
    showFieldError("analyse-scope", null);
    if (!currentViewer()) {
      setMessage("analyse-message", t("leader.needKeyAnalysis"), true);
      return;
    }
    const typed = scope.value.trim();
    let scopeId = "";
    let nextName = "";
    let nextKind = "";
    if (typed) {
      const hit = await resolveName(typed, SCOPE_KINDS).catch(() => []);
      if (Array.isArray(hit)) {
        showFieldError("analyse-scope", hit.length ? t(sameNames(hit, typed) ? "leader.whichOne" : "leader.didYouMean", { name: typed, names: hit.map(distinctLabel).join("; ") }) : t("leader.scopeUnknown", { name: typed }));
        return;
      }
      scopeId = hit.id;
      nextName = label(hit);
      nextKind = hit.kind;
    }
    setMessage("analyse-message", t("leader.running"));
    const query = `?top=1000${scopeId ? `&scope=${encodeURIComponent(scopeId)}` : ""}`;
    try {
      const [gaps, duplicates, bottlenecks] = await Promise.all([
        getJson<GapsReport>(`/api/analyse/gaps${query}`),
        getJson<DuplicatesReport>(`/api/analyse/duplicates${query}`),
        getJson<BottlenecksReport>(`/api/analyse/bottlenecks${query}`),
        vocabulary(),
      ]);
      last = { gaps, duplicates, bottlenecks };
      scopeName = nextName; // the heading names the scope of the report on screen
      scopeKind = nextKind;
      for (const key of Object.keys(pages)) delete pages[key];
      draw();
      print.disabled = false;
      const nothing = !gaps.coverage.length && !bottlenecks.brokers.length && !duplicates.listings.length;
      setMessage("analyse-message", nothing ? t("leader.analysisEmpty") : "");
    } catch (error) {
      // The previous report must not stand under a heading it no longer answers.
      last = null;
      for (const report of section.querySelectorAll(".report")) report.replaceChildren();
      setMessage("analyse-scope-said", "");
      print.disabled = true;
      setMessage("analyse-message", t("leader.analysisFailed", { message: (error as Error).message }), true);
    }
  });

  print.addEventListener("click", () => {
    printing = true;
    document.body.dataset.print = "report";
    draw();
    window.print();
    printing = false;
    delete document.body.dataset.print;
    draw();
  });
  return { section, stop: onLanguageChange(draw) };
}
