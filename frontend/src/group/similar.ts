// Likely duplicates while typing: existing listings with a similar name (near the given
// place, when it is known), via searchAssets — shown before the group submits.
import { op } from "../api/client";
import { t } from "../i18n";
import { h } from "../ui/dom";

let timer: number | undefined;
let serial = 0;

export function similarPanel(): HTMLElement {
  return h(
    "section",
    { id: "similar", class: "panel similar", "aria-live": "polite", "aria-labelledby": "similar-heading" },
    h("h3", { id: "similar-heading", i18n: "group.likely" }),
    h("ul", { id: "similar-list" }),
  );
}

export function lookForSimilar(name: string, latitude: number | null, longitude: number | null): void {
  window.clearTimeout(timer);
  const list = document.getElementById("similar-list");
  if (!list) return;
  if (name.trim().length < 3) {
    list.replaceChildren();
    return;
  }
  timer = window.setTimeout(async () => {
    const mine = ++serial;
    const near = latitude != null && longitude != null ? { latitude, longitude, radiusKm: 5 } : { latitude: null, longitude: null, radiusKm: null };
    try {
      const data = await op("similarListings", { text: name.trim(), ...near });
      if (mine !== serial) return;
      const edges = data.searchAssets.edges;
      list.replaceChildren(
        ...(edges.length
          ? edges.map((e) =>
              h("li", { "data-id": e.node.id, text: e.distanceKm != null ? `${e.node.name} — ${t("common.km", { n: e.distanceKm.toFixed(1) })}` : e.node.name }),
            )
          : [h("li", { class: "empty", text: t("group.likelyNone") })]),
      );
    } catch {
      if (mine === serial) list.replaceChildren();
    }
  }, 350);
}
