// Listings that may already be the one a group is registering: the server's duplicate rule,
// asked while the group types (likelyDuplicates) and applied again on submit.
// Each can be opened on its own page (a new tab, so the form is kept) and, when it is the
// group's own, claimed instead of registered twice.
import { op, payloadOf } from "../api/client";
import { t } from "../i18n";
import { actionMessage, h, setMessage } from "../ui/dom";

let timer: number | undefined;
let serial = 0;

export function similarPanel(): HTMLElement {
  return h(
    "section",
    { id: "similar", class: "panel similar", "aria-live": "polite", "aria-labelledby": "similar-heading", hidden: true },
    h("h3", { id: "similar-heading", i18n: "group.likely" }),
    h("ul", { id: "similar-list" }),
  );
}

/** One listing that may be the same: its name opens its page; with `canClaim` (a group
 * editor), "This is ours" claims it. `panel` keeps the ids of its message apart when both
 * panels list the same listing. */
export function candidateItem(panel: "similar" | "duplicates", id: string, name: string, detail: string | null, canClaim: boolean): HTMLElement {
  const msg = `${panel}-claim-${id.replace(/[^\w-]/g, "_")}`;
  const open = h("a", { href: `#/listing/${encodeURIComponent(id)}`, target: "_blank", rel: "noopener", class: "candidate-open", text: name });
  const item = h("li", { "data-id": id }, open, detail ? ` — ${detail}` : "");
  if (canClaim) {
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

/** What else the group has typed that the duplicate rule compares. */
export interface Contact {
  phone: string | null;
  email: string | null;
  url: string | null;
}

/** The listings that registering this one would report as likely duplicates — the server's
 * one rule (likelyDuplicates), so the panel and the verdict on submit never disagree. The rule
 * compares places, so it waits for one. */
export function lookForSimilar(name: string, latitude: number | null, longitude: number | null, contact: Contact, canClaim: boolean): void {
  window.clearTimeout(timer);
  const list = document.getElementById("similar-list");
  const panel = document.getElementById("similar");
  if (!list || !panel) return;
  if (name.trim().length < 3) {
    list.replaceChildren();
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  if (latitude == null || longitude == null) {
    list.replaceChildren(h("li", { class: "empty", text: t("group.likelyNeedsPlace") }));
    return;
  }
  timer = window.setTimeout(async () => {
    const mine = ++serial;
    try {
      const found = (await op("likelyDuplicates", { name: name.trim(), latitude, longitude, ...contact })).likelyDuplicates;
      if (mine !== serial) return;
      list.replaceChildren(
        ...(found.length
          ? found.map((c) => {
              const km = c.distanceKm != null ? t("common.km", { n: c.distanceKm.toFixed(1) }) : null;
              return candidateItem("similar", c.id, c.name, [km, t("group.reasons", { reasons: c.reasons.join(", ") })].filter(Boolean).join(" — "), canClaim);
            })
          : [h("li", { class: "empty", text: t("group.likelyNone") })]),
      );
    } catch {
      if (mine === serial) list.replaceChildren();
    }
  }, 350);
}
