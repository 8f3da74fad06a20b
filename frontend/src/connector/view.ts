// Connector journey: postcode or map click → nearest services with filters → detail →
// shortlist → print or share.
import { ApiError, getJson, op, payloadOf } from "../api/client";
import type { AreaAt, PlaceOut as Place, UnknownPlaceOut as UnknownPlace } from "../api/generated/rest";
import { localName, onLanguageChange, t } from "../i18n";
import { AssetMap } from "../map/assetMap";
import { field, h, option, setMessage, showFieldError } from "../ui/dom";
import { currentViewer, onViewerChange } from "../api/auth";
import { referBox, referralList } from "../referrals/referrals";
import { reportProblemBox } from "./reportProblem";
import { serviceDetail, type ServiceView } from "./detail";
import { controlFor, describeFilters, filtersFieldset, readFilters, type Filters } from "./filters";
import { renderResults, type Hit } from "./results";
import { renderShortlist, shortlistPanel } from "./shortlistPanel";
import { add, has, onShortlistChange } from "./shortlistStore";

interface Centre {
  latitude: number;
  longitude: number;
  label: string | null;
  areaId: string | null;
}

const PAGE = 20;

/** A cheap stand-in for distance, good enough to pick the nearest of a few locations. */
function squaredDegrees(l: { latitude: number | null; longitude: number | null }, c: Centre): number {
  const dx = ((l.longitude ?? 0) - c.longitude) * Math.cos((c.latitude * Math.PI) / 180);
  const dy = (l.latitude ?? 0) - c.latitude;
  return dx * dx + dy * dy;
}

export function connectorView(root: HTMLElement): () => void {
  let centre: Centre | null = null;
  let hits: Hit[] = [];
  let total = 0;
  let next: string | null = null;
  let detail: ServiceView | null = null;
  let lastFilters: Filters | null = null;
  const map = new AssetMap();

  const postcode = h("input", { type: "text", autocomplete: "off", inputmode: "text", spellcheck: "false" });
  const words = h("input", { type: "search", autocomplete: "off" });
  const radius = h("select", {}, ...[1, 2, 5, 10, 25, 50].map((km) => option(String(km), null, `${km} km`)));
  radius.value = "5";
  const form = h(
    "form",
    { id: "search-form", novalidate: true },
    h(
      "div",
      { class: "search-row" },
      field("postcode", "find.postcode", postcode, "find.postcodeHelp"),
      field("f-text", "find.text", words, "find.textHelp"),
      field("radius", "find.radius", radius),
      h("button", { type: "submit", id: "search-button", class: "primary", i18n: "find.search" }),
    ),
    filtersFieldset(),
  );
  const mapEl = h("div", { id: "map", class: "map", role: "region", "data-i18n-aria-label": "find.mapLabel", "aria-label": t("find.mapLabel") });
  const offline = h("p", { class: "help", id: "map-note" });
  const list = h("ol", { id: "results", class: "results" });
  const more = h("button", { type: "button", id: "more-results", hidden: true, i18n: "find.more" });
  const printResults = h("button", { type: "button", id: "print-results", class: "no-print", hidden: true, i18n: "find.print" });
  const detailBody = h("div", { id: "detail-body" });
  const detailAdd = h("button", { type: "button", id: "detail-add", class: "add" });
  // A connector's own referrals, under the shortlist (signed-in connectors only).
  const referralsSlot = h("div", { id: "referrals-slot" });
  const showReferrals = () => referralsSlot.replaceChildren(currentViewer()?.role === "connector" ? referralList("sent") : "");
  showReferrals();
  const detailClose = h("button", { type: "button", id: "detail-close", i18n: "detail.back" });
  const detailPanel = h(
    "section",
    { id: "detail", class: "panel detail", hidden: true, "aria-labelledby": "detail-heading" },
    h("h2", { id: "detail-heading", tabindex: -1, i18n: "detail.heading" }),
    detailBody,
    h("div", { class: "actions" }, detailAdd, detailClose),
    h("p", { id: "detail-message", class: "action-message", role: "status" }),
  );

  root.replaceChildren(
    h(
      "section",
      { class: "screen connector", "aria-labelledby": "find-heading" },
      h("h1", { id: "find-heading", i18n: "find.heading" }),
      h("p", { class: "intro", i18n: "find.intro" }),
      form,
      h("p", { id: "search-status", role: "status", "aria-live": "polite" }),
      h(
        "div",
        { class: "columns" },
        h("div", { class: "map-column" }, detailPanel, mapEl, offline),
        h(
          "section",
          { class: "results-column", "aria-labelledby": "results-heading" },
          h("h2", { id: "results-heading", tabindex: -1, i18n: "find.results" }),
          h("p", { id: "result-count", role: "status" }),
          list,
          h("div", { class: "actions" }, more, printResults),
        ),
      ),
      shortlistPanel(),
      referralsSlot,
    ),
  );

  const openDetail = async (id: string): Promise<void> => {
    setMessage("detail-message", t("common.loading"));
    detailPanel.hidden = false;
    try {
      const data = await op("serviceDetail", { id });
      const node = payloadOf(data.node);
      if (node.__typename !== "Service") throw new ApiError(t("detail.notAService"));
      detail = node;
      drawDetail();
      setMessage("detail-message", "");
      (document.getElementById("detail-heading") as HTMLElement).focus();
    } catch (error) {
      setMessage("detail-message", (error as Error).message, true);
    }
  };

  const drawDetail = (): void => {
    if (!detail) return;
    const phone = detail.phones?.[0]?.number ?? null;
    detailBody.replaceChildren(serviceDetail(detail), referBox(detail.id, localName(detail), phone, showReferrals) ?? "", reportProblemBox(detail.id));
    const onList = has(detail.id);
    detailAdd.textContent = onList ? t("find.added") : t("find.add");
    detailAdd.setAttribute("aria-pressed", String(onList));
  };

  const drawResults = (): void => {
    renderResults(list, hits, (id) => void openDetail(id));
    const km = radius.value;
    const countText = !centre
      ? ""
      : !total
        ? t("find.none")
        : total > hits.length
          ? t("find.countMore", { n: total, km, shown: hits.length })
          : t("find.count", { n: total, km });
    const filtered = lastFilters ? describeFilters(lastFilters) : "";
    setMessage("result-count", filtered && countText ? `${countText} · ${filtered}` : countText);
    more.hidden = !next;
    printResults.hidden = !hits.length;
    if (centre) {
      setMessage(
        "search-status",
        centre.label
          ? t("find.centre", { place: centre.label })
          : t("find.clickedPoint", { lat: centre.latitude.toFixed(4), lon: centre.longitude.toFixed(4) }),
      );
    }
  };

  let runs = 0;
  const run = async (append: boolean): Promise<void> => {
    if (!centre) return;
    const filters = append ? lastFilters : readFilters();
    if (!filters) return;
    lastFilters = filters;
    const mine = ++runs;
    if (!append) {
      detailPanel.hidden = true;
      detail = null;
      // Never leave the previous search's results under new filters.
      hits = [];
      total = 0;
      next = null;
      list.replaceChildren();
      more.hidden = true;
      printResults.hidden = true;
    }
    setMessage("result-count", t("common.loading"));
    try {
      const data = await op("assetsNear", {
        latitude: centre.latitude,
        longitude: centre.longitude,
        radiusKm: Number(radius.value),
        filter: { ...filters.filter, areaId: filters.withinArea ? centre.areaId : null },
        first: PAGE,
        after: append ? next : null,
      });
      if (mine !== runs) return; // a newer search has started: its answer wins
      const page = data.assetsNear;
      hits = append ? [...hits, ...page.edges] : page.edges;
      total = page.totalCount;
      next = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      drawResults();
      map.showCentre(centre.latitude, centre.longitude, Number(radius.value));
      map.showPoints(
        hits.flatMap((hit) => {
          // The marker goes where the distance was measured: the nearest of its locations.
          const here = centre!;
          const loc = hit.node.locations
            .filter((l) => l.latitude != null && l.longitude != null)
            .sort((a, b) => squaredDegrees(a, here) - squaredDegrees(b, here))[0];
          return loc ? [{ id: hit.node.id, name: localName(hit.node), latitude: loc.latitude!, longitude: loc.longitude! }] : [];
        }),
        !append,
      );
    } catch (error) {
      const problem = error as ApiError;
      if (mine !== runs) return;
      const target = problem.field === "radiusKm" ? "radius" : controlFor(problem.field ?? "");
      if (target) showFieldError(target, problem.message);
      setMessage("result-count", problem.message, true);
    }
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    showFieldError("postcode", null);
    const typed = postcode.value.trim();
    if (typed) {
      try {
        const point = await getJson<Place>(`/api/places/${encodeURIComponent(typed)}`);
        centre = { latitude: point.latitude, longitude: point.longitude, label: point.label, areaId: point.area_id };
      } catch (error) {
        const problem = error as ApiError;
        const suggestions = (problem.body as Partial<UnknownPlace> | null)?.suggestions ?? [];
        showFieldError(
          "postcode",
          problem.code !== "404"
            ? problem.message
            : suggestions.length
              ? t("find.placeSuggest", { names: suggestions.join(", ") })
              : t("find.postcodeUnknown"),
        );
        postcode.focus();
        return;
      }
    } else if (!centre) {
      showFieldError("postcode", t("find.needPoint"));
      postcode.focus();
      return;
    }
    await run(false);
    if (window.matchMedia("(max-width: 900px)").matches) {
      document.getElementById("results-heading")?.scrollIntoView({ block: "start" });
    }
  });
  // Filters apply as they change (no second press of Search), once there is a place.
  let pending: number | undefined;
  form.querySelector("#filters")?.addEventListener("change", () => {
    window.clearTimeout(pending);
    pending = window.setTimeout(() => void run(false), 150);
  });
  radius.addEventListener("change", () => void run(false));
  printResults.addEventListener("click", () => {
    document.body.dataset.print = "results";
    window.print();
    delete document.body.dataset.print;
  });
  more.addEventListener("click", () => void run(true));
  detailClose.addEventListener("click", () => {
    detailPanel.hidden = true;
    list.querySelector<HTMLButtonElement>(`button.details[data-id="${CSS.escape(detail?.id ?? "")}"]`)?.focus();
  });
  detailAdd.addEventListener("click", () => {
    if (detail) add({ id: detail.id, name: detail.name, nameCy: detail.nameCy });
  });

  map.whenPicked(async (latitude, longitude) => {
    postcode.value = "";
    let areaId: string | null = null;
    try {
      areaId = (await getJson<AreaAt>(`/api/areas/at?latitude=${latitude}&longitude=${longitude}`)).area_id;
    } catch {
      areaId = null;
    }
    centre = { latitude, longitude, label: null, areaId };
    await run(false);
  });
  map.whenSelected((id) => void openDetail(id));
  void map.mount(mapEl).then(() => {
    offline.textContent = mapEl.classList.contains("offline") ? t("find.mapOffline") : "";
  });

  renderShortlist();
  const stopShortlist = onShortlistChange(() => {
    renderShortlist();
    const focusedId = (document.activeElement as HTMLElement | null)?.closest("li")?.dataset.id;
    drawResults();
    drawDetail();
    if (focusedId) list.querySelector<HTMLButtonElement>(`li[data-id="${CSS.escape(focusedId)}"] button.add`)?.focus();
  });
  const stopLanguage = onLanguageChange(() => {
    drawResults();
    drawDetail();
    renderShortlist();
    offline.textContent = mapEl.classList.contains("offline") ? t("find.mapOffline") : "";
  });
  const stopViewer = onViewerChange(() => {
    showReferrals();
    drawDetail();
  });
  return () => {
    stopShortlist();
    stopLanguage();
    stopViewer();
  };
}
