// Third-sector group journey: signed in with the group's key, register an offering, see
// its moderation status, edit it, confirm it is still correct.
import { currentViewer, onViewerChange } from "../api/auth";
import { onLanguageChange, t } from "../i18n";
import { formatDate, h, setMessage } from "../ui/dom";
import { keyedScreen } from "../ui/screen";
import { claimsSection, myClaims, type Claim } from "./myClaims";
import { editForm, listingItem, loadOffering, myOfferings, type Offering } from "./myListings";
import { referralList } from "../referrals/referrals";
import { registerForm } from "./registerForm";

export function groupView(root: HTMLElement): () => void {
  let offerings: Offering[] = [];
  let claims: Claim[] = [];
  const listEl = h("ul", { id: "my-listings", class: "my-listings" });
  const editSlot = h("div", { id: "edit-slot" });
  const claimsSlot = h("div", { id: "claims-slot" });
  const formSlot = h("div", { id: "register-slot" });
  const inboxSlot = h("div", { id: "inbox-slot" });

  root.replaceChildren(
    keyedScreen(
      "group",
      h("section", { class: "panel", "aria-labelledby": "mine-heading" },
        h("h2", { id: "mine-heading", i18n: "group.mine" }),
        h("p", { id: "mine-message", role: "status" }),
        h("p", { id: "confirm-summary", class: "notice" }),
        listEl,
      ),
      claimsSlot,
      inboxSlot,
      editSlot,
      formSlot,
    ),
  );

  const drawList = (): void => {
    // What needs confirming first: listings nobody in the group confirmed in 12 months.
    const ordered = [...offerings.filter((o) => o.stale), ...offerings.filter((o) => !o.stale)];
    const due = ordered.filter((o) => o.stale).length;
    setMessage("confirm-summary", offerings.length ? (due ? t("group.dueCount", { n: due, total: offerings.length }) : t("group.allConfirmed")) : "");
    listEl.replaceChildren(
      ...(ordered.length
        ? ordered.map((o) => listingItem(o, (x) => void openEdit(x), (next) => replace(next, t("group.confirmed", { date: formatDate(next.lastVerified) ?? "" }))))
        : [h("li", { class: "empty", text: t("group.noneYet") })]),
    );
    claimsSlot.replaceChildren(claimsSection(claims));
  };
  const replace = (next: Offering, note?: string): void => {
    offerings = offerings.map((o) => (o.id === next.id ? next : o));
    const focused = document.activeElement?.className;
    drawList();
    if (focused) listEl.querySelector<HTMLElement>(`li[data-id="${CSS.escape(next.id)}"] .${focused.split(" ")[0]}`)?.focus();
    const message = document.getElementById(`msg-${next.id}`);
    if (message && note) message.textContent = note;
  };
  const openEdit = async (offering: Offering): Promise<void> => {
    editSlot.replaceChildren(h("p", { role: "status", text: t("common.loading") }));
    const form = await editForm(
      offering,
      async (saved, note) => {
        const fresh = (await myOfferings().catch(() => null))?.find((o) => o.id === saved.id);
        replace(fresh ?? saved, note);
        editSlot.replaceChildren();
        listEl.querySelector<HTMLElement>(`li[data-id="${CSS.escape(saved.id)}"] .edit`)?.focus();
      },
      () => editSlot.replaceChildren(),
    ).catch((error: Error) => h("p", { class: "error", role: "alert", text: error.message }));
    editSlot.replaceChildren(form);
    document.getElementById("edit-heading")?.focus();
  };

  const signedIn = async (): Promise<void> => {
    const viewer = currentViewer();
    document.getElementById("group-key")!.hidden = Boolean(viewer);
    if (!viewer) {
      // Nothing to list until the group signs in (the notice above says how).
      formSlot.replaceChildren();
      offerings = [];
      claims = [];
      listEl.replaceChildren();
      claimsSlot.replaceChildren();
      setMessage("confirm-summary", "");
      return;
    }
    inboxSlot.replaceChildren(viewer.role === "group_editor" ? referralList("inbox") : "");
    formSlot.replaceChildren(
      registerForm(viewer.organisationId ? { id: viewer.organisationId, name: viewer.organisationName } : null, async (service) => {
        const full = await loadOffering(service.id);
        offerings = [full ?? ({ ...service, description: null, email: null, url: null, minimumAge: null, maximumAge: null } as Offering), ...offerings.filter((o) => o.id !== service.id)];
        drawList();
      }),
    );
    setMessage("mine-message", t("common.loading"));
    try {
      [offerings, claims] = await Promise.all([myOfferings(), myClaims().catch(() => [])]);
      setMessage("mine-message", "");
    } catch (error) {
      offerings = [];
      setMessage("mine-message", (error as Error).message, true);
    }
    drawList();
  };

  void signedIn();
  const stopViewer = onViewerChange(() => void signedIn());
  const stopLanguage = onLanguageChange(() => {
    drawList();
    // The inbox is drawn from the server's answer: draw it again in the new language.
    if (currentViewer()?.role === "group_editor") inboxSlot.replaceChildren(referralList("inbox"));
  });
  return () => {
    stopViewer();
    stopLanguage();
  };
}
