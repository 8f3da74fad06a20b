// The result list: numbered like the map markers, nearest first, with details and shortlist
// buttons (real buttons, so the whole journey works from the keyboard).
import { t } from "../i18n";
import { formatDate, h } from "../ui/dom";
import { add, has } from "./shortlistStore";

export interface Hit {
  distanceKm: number;
  node: {
    id: string;
    name: string;
    description: string | null;
    stale: boolean;
    lastVerified: string | null;
    locations: { id: string; latitude: number | null; longitude: number | null }[];
  };
}

export function renderResults(list: HTMLElement, hits: Hit[], onDetails: (id: string) => void): void {
  list.replaceChildren(
    ...hits.map((hit, index) => {
      const details = h("button", { type: "button", class: "details", "data-id": hit.node.id });
      details.append(h("span", { class: "number", "aria-hidden": "true", text: `${index + 1}` }), h("span", { class: "name", text: hit.node.name }));
      details.addEventListener("click", () => onDetails(hit.node.id));
      const onList = has(hit.node.id);
      const shortlist = h("button", {
        type: "button",
        class: "add",
        "aria-pressed": onList ? "true" : "false",
        "aria-label": `${onList ? t("find.added") : t("find.add")}: ${hit.node.name}`,
        text: onList ? t("find.added") : t("find.add"),
      });
      shortlist.addEventListener("click", () => add({ id: hit.node.id, name: hit.node.name }));
      const verified = formatDate(hit.node.lastVerified);
      return h(
        "li",
        { "data-id": hit.node.id, class: hit.node.stale ? "stale" : "" },
        details,
        h("span", { class: "distance", text: t("common.km", { n: hit.distanceKm.toFixed(1) }) }),
        hit.node.stale
          ? h("span", { class: "badge", text: t("find.stale") })
          : verified
            ? h("span", { class: "verified", text: `${t("detail.lastVerified")}: ${verified}` })
            : null,
        shortlist,
      );
    }),
  );
}
