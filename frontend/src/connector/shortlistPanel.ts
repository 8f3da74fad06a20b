// The shortlist beside the results: remove, print, and a share link. Signed-in connectors
// get a server shortlist with an unguessable token (`/shortlist/<token>`); anyone else gets
// a link carrying the service ids (`#/list?ids=…`), which the shared page reads publicly.
import { op, payloadOf } from "../api/client";
import { currentViewer } from "../api/auth";
import { language, localName, t } from "../i18n";
import { actionMessage, formatDate, h, setMessage } from "../ui/dom";
import { entries, remove } from "./shortlistStore";

export function shortlistPanel(): HTMLElement {
  const list = h("ul", { id: "shortlist-items", class: "shortlist-items" });
  const link = h("input", { id: "share-link", type: "text", readonly: true, class: "share-link" });
  const withdraw = h("button", { type: "button", id: "withdraw-link", hidden: true, i18n: "shortlist.withdraw" });
  withdraw.addEventListener("click", () => void withdrawLink());
  const linkField = h(
    "div",
    { class: "field", id: "share-field", hidden: true },
    h("label", { for: "share-link", i18n: "shortlist.link" }),
    link,
    h("p", { class: "help", id: "share-privacy", i18n: "shortlist.privacy" }),
    h("p", { class: "help", id: "share-expiry" }),
    withdraw,
  );
  const print = h("button", { type: "button", id: "print-shortlist", i18n: "shortlist.print" });
  const share = h("button", { type: "button", id: "share-shortlist", i18n: "shortlist.share" });
  print.addEventListener("click", () => window.print());
  share.addEventListener("click", () => void shareShortlist());
  const panel = h(
    "section",
    { class: "panel shortlist", "aria-labelledby": "shortlist-heading" },
    h("h2", { id: "shortlist-heading", i18n: "shortlist.heading" }),
    list,
    h("div", { class: "actions" }, print, share),
    actionMessage("share-message"),
    linkField,
  );
  return panel;
}

export function renderShortlist(): void {
  const list = document.getElementById("shortlist-items");
  if (!list) return;
  const items = entries();
  list.replaceChildren(
    ...(items.length
      ? items.map((entry) => {
          const button = h("button", {
            type: "button",
            class: "link-button",
            "aria-label": t("shortlist.remove", { name: localName(entry) }),
            text: "✕",
          });
          button.addEventListener("click", () => remove(entry.id));
          return h("li", { "data-id": entry.id }, h("span", { text: localName(entry) }), button);
        })
      : [h("li", { class: "empty", text: t("shortlist.empty") })]),
  );
  for (const id of ["print-shortlist", "share-shortlist"]) {
    (document.getElementById(id) as HTMLButtonElement | null)?.toggleAttribute("disabled", !items.length);
  }
}

let shared: string | null = null; // the server shortlist whose link is showing

async function withdrawLink(): Promise<void> {
  if (!shared) return;
  try {
    const done = await op("withdrawShortlist", { shortlistId: shared });
    payloadOf(done.withdrawShortlist);
    (document.getElementById("share-link") as HTMLInputElement).value = "";
    document.getElementById("withdraw-link")?.setAttribute("hidden", "");
    setMessage("share-expiry", "");
    setMessage("share-message", t("shortlist.withdrawn"));
    shared = null;
  } catch (error) {
    setMessage("share-message", (error as Error).message, true);
  }
}

async function serverShortlist(ids: string[]): Promise<string> {
  // The name is only a date, by design: a shared list never says who it is for.
  const name = t("shortlist.name", { date: new Date().toLocaleDateString(language() === "cy" ? "cy-GB" : "en-GB") });
  const result = payloadOf((await op("createShortlist", { name })).createShortlist);
  for (const serviceId of ids) {
    payloadOf((await op("addToShortlist", { shortlistId: result.shortlist.id, serviceId })).addToShortlist);
  }
  shared = result.shortlist.id;
  const expires = formatDate(result.shortlist.expiresAt);
  setMessage("share-expiry", expires ? t("shortlist.expires", { date: expires }) : "");
  document.getElementById("withdraw-link")?.removeAttribute("hidden");
  return result.shortlist.sharePath;
}

async function shareShortlist(): Promise<void> {
  const ids = entries().map((e) => e.id);
  if (!ids.length) return;
  setMessage("share-message", t("common.loading"));
  try {
    const viewer = currentViewer();
    const path =
      viewer && ["connector", "admin"].includes(viewer.role)
        ? await serverShortlist(ids)
        : `/#/list?ids=${ids.map(encodeURIComponent).join(",")}`;
    const url = new URL(path, window.location.origin).toString();
    const input = document.getElementById("share-link") as HTMLInputElement;
    input.value = url;
    document.getElementById("share-field")?.removeAttribute("hidden");
    input.focus();
    input.select();
    try {
      await navigator.clipboard.writeText(url);
      setMessage("share-message", t("shortlist.copied"));
    } catch {
      setMessage("share-message", "");
    }
  } catch (error) {
    setMessage("share-message", (error as Error).message, true);
  }
}
