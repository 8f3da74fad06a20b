// The result list: numbered like the map markers, nearest first, each with its kind, the
// facts the filters could not check ("opening times unknown"), and details and shortlist
// buttons (real buttons, so the whole journey works from the keyboard). Each result also
// carries a handout block (address, phone, hours, last verified) that only print shows.
import { language, localName, t, type MessageKey } from "../i18n";
import { h } from "../ui/dom";
import type { AssetsNearQuery } from "../api/generated/graphql";
import { freshness, scheduleLines, type ScheduleView } from "./detail";
import { add, has } from "./shortlistStore";

export type Hit = AssetsNearQuery["assetsNear"]["edges"][number];
export type UnknownFact = Hit["unknown"][number];

const UNKNOWN_KEYS: Record<UnknownFact, MessageKey> = {
  COST: "find.unknown.COST",
  LANGUAGE: "find.unknown.LANGUAGE",
  HOURS: "find.unknown.HOURS",
  ACCESSIBILITY: "find.unknown.ACCESSIBILITY",
};

function handout(hit: Hit): HTMLElement {
  const address = hit.node.locations.map((l) => l.address).find(Boolean);
  return h(
    "div",
    { class: "handout print-only" },
    address ? h("p", { text: `${t("detail.where")}: ${address}` }) : null,
    hit.node.phones.length ? h("p", { text: `${t("detail.phone")}: ${hit.node.phones.map((p) => p.number).join(", ")}` }) : null,
    scheduleLines(hit.node.schedules),
    h("p", { text: freshness(hit.node) }),
  );
}

export function renderResults(list: HTMLElement, hits: Hit[], onDetails: (id: string) => void): void {
  list.replaceChildren(
    ...hits.map((hit, index) => {
      const details = h("button", { type: "button", class: "details", "data-id": hit.node.id });
      details.append(h("span", { class: "number", "aria-hidden": "true", text: `${index + 1}` }), h("span", { class: "name", text: localName(hit.node) }));
      details.addEventListener("click", () => onDetails(hit.node.id));
      const onList = has(hit.node.id);
      const shortlist = h("button", {
        type: "button",
        class: "add no-print",
        "aria-pressed": onList ? "true" : "false",
        "aria-label": `${onList ? t("find.added") : t("find.add")}: ${localName(hit.node)}`,
        text: onList ? t("find.added") : t("find.add"),
      });
      shortlist.addEventListener("click", () => add({ id: hit.node.id, name: hit.node.name, nameCy: hit.node.nameCy }));
      const kind = hit.node.kind ? hit.node.kind[language()] : null;
      const unknown = hit.unknown.map((fact) => t(UNKNOWN_KEYS[fact]));
      return h(
        "li",
        { "data-id": hit.node.id, class: hit.node.stale ? "stale" : "" },
        details,
        h("span", { class: "distance", text: t("common.km", { n: hit.distanceKm.toFixed(1) }) }),
        h(
          "span",
          { class: "facts" },
          kind ? h("span", { class: "kind", text: kind }) : null,
          ...unknown.map((text) => h("span", { class: "unknown", text })),
          h("span", { class: "verified", text: freshness(hit.node) }),
          hit.node.stale ? h("span", { class: "badge", text: t("find.stale") }) : null,
        ),
        shortlist,
        handout(hit),
      );
    }),
  );
}
