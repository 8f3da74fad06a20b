// Listings that may already be the one a group is registering: found while it types (via
// searchAssets, near the place when it is known) and, on submit, the server's duplicate rule.
// Each can be opened on its own page (a new tab, so the form is kept) and, when it is the
// group's own, claimed instead of registered twice.
import { op, payloadOf } from "../api/client";
import { t } from "../i18n";
import { actionMessage, h, setMessage } from "../ui/dom";

let timer: number | undefined;
let serial = 0;

/** Whether the person may claim a listing for an organisation (a group editor). */
let claiming = false;

export function similarPanel(canClaim: boolean): HTMLElement {
  claiming = canClaim;
  return h(
    "section",
    { id: "similar", class: "panel similar", "aria-live": "polite", "aria-labelledby": "similar-heading", hidden: true },
    h("h3", { id: "similar-heading", i18n: "group.likely" }),
    h("ul", { id: "similar-list" }),
  );
}

/** One listing that may be the same: its name opens its page; "This is ours" claims it.
 * `panel` keeps the ids of its message apart when both panels list the same listing. */
export function candidateItem(panel: "similar" | "duplicates", id: string, name: string, detail: string | null): HTMLElement {
  const msg = `${panel}-claim-${id.replace(/[^\w-]/g, "_")}`;
  const open = h("a", { href: `#/list?ids=${encodeURIComponent(id)}`, target: "_blank", rel: "noopener", class: "candidate-open", text: name });
  const item = h("li", { "data-id": id }, open, detail ? ` — ${detail}` : "");
  if (claiming) {
    const claim = h("button", { type: "button", class: "claim", text: t("group.claimThis") });
    claim.addEventListener("click", async () => {
      setMessage(msg, t("common.loading"));
      try {
        const result = payloadOf((await op("claimListing", { serviceId: id })).claimListing);
        setMessage(msg, t(result.outcome === "claimed" ? "group.claimed" : "group.claimWaits", { name }));
        claim.disabled = true;
      } catch (error) {
        setMessage(msg, (error as Error).message, true);
      }
    });
    item.append(" ", claim, actionMessage(msg));
  }
  return item;
}

export function lookForSimilar(name: string, latitude: number | null, longitude: number | null): void {
  window.clearTimeout(timer);
  const list = document.getElementById("similar-list");
  const panel = document.getElementById("similar");
  if (!list || !panel) return;
  if (name.trim().length < 3) {
    list.replaceChildren();
    panel.hidden = true;
    return;
  }
  timer = window.setTimeout(async () => {
    const mine = ++serial;
    const near = latitude != null && longitude != null ? { latitude, longitude, radiusKm: 5 } : { latitude: null, longitude: null, radiusKm: null };
    try {
      const data = await op("similarListings", { text: name.trim(), ...near });
      if (mine !== serial) return;
      // Only listings whose name matches every typed word: "Tuesday Walking Group" should not
      // offer every sports club as a possible duplicate.
      const edges = data.searchAssets.edges.filter((e) => e.matchedAllWords);
      panel.hidden = false;
      list.replaceChildren(
        ...(edges.length
          ? edges.map((e) => candidateItem("similar", e.node.id, e.node.name, e.distanceKm != null ? t("common.km", { n: e.distanceKm.toFixed(1) }) : null))
          : [h("li", { class: "empty", text: t("group.likelyNone") })]),
      );
    } catch {
      if (mine === serial) list.replaceChildren();
    }
  }, 350);
}
