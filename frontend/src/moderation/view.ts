// Moderator journey: the queue of new listings and changes to public ones, oldest first; each
// shows what would be published (a change field by field, before and after) and is approved,
// or rejected with a reason its group reads.
import { currentViewer, onViewerChange } from "../api/auth";
import { op, payloadOf } from "../api/client";
import type { ModerationQueueQuery } from "../api/generated/graphql";
import { termLabel, vocabulary } from "../api/vocabulary";
import { onLanguageChange, t, type MessageKey } from "../i18n";
import { fieldLabel } from "../listing/fields";
import { actionMessage, formatDate, h, setMessage } from "../ui/dom";
import { keyedScreen } from "../ui/screen";
import { historyDetails } from "../listing/history";
import { mergePanel } from "./merge";

type Entry = ModerationQueueQuery["moderationQueue"][number];
interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

/** "WE" → Wednesday; "1WE" (RFC 5545: the first Wednesday of the month) → "Wednesday (week 1
 * of the month)". */
function dayName(code: string): string {
  const match = /^(-?\d+)?([A-Z]{2})$/.exec(code.trim());
  if (!match) return code;
  const day = t(`day.${match[2]}` as MessageKey);
  return match[1] ? t("moderation.nthDay", { day, n: match[1] }) : day;
}

/** A field's value in words: need and accessibility ids as labels, hours as days and times. */
function shown(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return t("moderation.empty");
  if (typeof value === "boolean") return t(value ? "moderation.yes" : "moderation.no");
  if (field === "needs" || field === "accessibility") return (value as string[]).map((id) => termLabel(field, id) ?? id).join(", ");
  if (field === "languages") return (value as string[]).map((c) => t(`language.${c}` as MessageKey)).join(", ");
  if (field === "schedules") {
    return (value as { byday: string; opensAt?: string; opens_at?: string; closesAt?: string; closes_at?: string }[])
      .map((s) => `${s.byday.split(",").map(dayName).join(", ")} ${s.opensAt ?? s.opens_at}–${s.closesAt ?? s.closes_at}`)
      .join("; ");
  }
  return Array.isArray(value) ? value.join(", ") : String(value);
}

function changesTable(changes: Change[]): HTMLElement {
  return h(
    "table",
    { class: "changes" },
    h("caption", { text: t("moderation.changes") }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: t("moderation.field") }), h("th", { scope: "col", text: t("moderation.before") }), h("th", { scope: "col", text: t("moderation.after") }))),
    h("tbody", {}, ...changes.map((c) => h("tr", {}, h("th", { scope: "row", text: fieldLabel(c.field) }), h("td", { text: shown(c.field, c.before) }), h("td", { text: shown(c.field, c.after) })))),
  );
}

/** The listing's name, linked to its own page (a new tab): to tell same names apart. */
function listingHeading(id: string, name: string): HTMLElement {
  return h("h2", {}, h("a", { href: `#/listing/${encodeURIComponent(id)}`, target: "_blank", rel: "noopener", text: name }));
}

function summary(json: unknown): HTMLElement | null {
  const editable = json !== null && typeof json === "object" ? (json as Record<string, unknown>) : null;
  if (!editable) return null;
  // Everything the public will read once it is approved.
  const fields = [
    "nameCy", "description", "descriptionCy", "locationName", "address1", "city", "postalCode", "phone", "email", "url", "needs", "schedules",
    "languages", "minimumAge", "maximumAge", "eligibilityDescription", "accessibility", "free", "feesDescription",
  ];
  return h(
    "dl",
    { class: "summary" },
    ...fields.filter((f) => editable[f] !== null && editable[f] !== undefined && editable[f] !== "").flatMap((f) => [h("dt", { text: fieldLabel(f) }), h("dd", { text: shown(f, editable[f]) })]),
  );
}

/** Whether `box` holds text; when it does not, says `need` under the entry (`msg`) and puts
 * the cursor in the box. A rejection, a refused claim and a request for changes say why. */
function written(box: HTMLTextAreaElement, msg: string, need: MessageKey): boolean {
  if (box.value.trim()) return true;
  setMessage(msg, t(need), true);
  box.focus();
  return false;
}

export function moderationView(root: HTMLElement): () => void {
  const list = h("ol", { id: "queue", class: "queue" });
  root.replaceChildren(
    keyedScreen(
      "moderation",
      h("p", { id: "queue-message", role: "status" }),
      list,
      mergePanel(),
    ),
  );
  let entries: Entry[] = [];

  /** Sends one moderator action and shows how it went: progress and any refusal under its
   * entry (`msg`); on success the entries it `settles` leave the queue and `done`, when given,
   * is said above the queue. Every action of the queue runs through here. */
  const act = async (
    msg: string,
    send: () => Promise<{ __typename: string }>,
    settles: (e: Entry) => boolean,
    done?: string,
  ): Promise<void> => {
    setMessage(msg, t("common.loading"));
    try {
      payloadOf(await send());
      entries = entries.filter((e) => !settles(e));
      draw();
      if (done) setMessage("queue-message", done);
    } catch (error) {
      setMessage(msg, (error as Error).message, true);
    }
  };

  const item = (entry: Entry): HTMLElement => {
    const s = entry.service;
    const msg = `decide-${s.id}`;
    const reason = h("textarea", { id: `reason-${s.id}`, rows: 2, maxlength: 1000 });
    const approve = h("button", { type: "button", class: "primary approve", text: t(entry.kind === "change" ? "moderation.acceptChange" : "moderation.approve") });
    const reject = h("button", { type: "button", class: "reject", text: t(entry.kind === "change" ? "moderation.declineChange" : "moderation.reject") });
    if (entry.kind === "report") return reportItem(entry);
    if (entry.kind === "claim") return claimItem(entry);
    if (entry.kind === "referral") return referralItem(entry);
    const decide = async (approving: boolean): Promise<void> => {
      if (!approving && !written(reason, msg, "moderation.reasonNeeded")) return;
      await act(
        msg,
        async () =>
          approving
            ? (await op("approve", { serviceId: s.id })).approveOffering
            : (await op("reject", { serviceId: s.id, reason: reason.value.trim() })).rejectOffering,
        (e) => e.service.id === s.id,
        t(approving ? "moderation.approved" : "moderation.rejected", { name: s.name }),
      );
    };
    approve.addEventListener("click", () => void decide(true));
    reject.addEventListener("click", () => void decide(false));
    const ask = h("button", { type: "button", class: "ask", i18n: "moderation.ask" });
    ask.addEventListener("click", async () => {
      if (!written(reason, msg, "moderation.askNeeded")) return;
      await act(
        msg,
        async () => (await op("askForChanges", { serviceId: s.id, message: reason.value.trim() })).askForChanges,
        (e) => e.service.id === s.id,
        t("moderation.asked", { name: s.name }),
      );
    });
    return h(
      "li",
      { class: `queue-item kind-${entry.kind}`, "data-id": s.id },
      listingHeading(s.id, s.name),
      h("p", {
        class: "meta",
        text: entry.since
          ? t(entry.kind === "change" ? "moderation.kindChange" : "moderation.kindNew", { organisation: entry.organisationName ?? "?", date: formatDate(entry.since) ?? "" })
          : t(entry.kind === "change" ? "moderation.kindChangeUndated" : "moderation.kindNewUndated", { organisation: entry.organisationName ?? "?" }),
      }),
      entry.kind === "change" && s.pendingChange ? changesTable(s.pendingChange.changes) : summary(s.editable),
      h("div", { class: "field" }, h("label", { for: `reason-${s.id}`, text: t("moderation.reason") }), reason),
      h("div", { class: "actions" }, approve, ask, reject),
      actionMessage(msg),
      historyDetails(s.id),
    );
  };

  const claimItem = (entry: Entry): HTMLElement => {
    const s = entry.service;
    const msg = `claim-${entry.claimId}`;
    const reason = h("textarea", { id: `claim-reason-${entry.claimId}`, rows: 2, maxlength: 1000 });
    const decideClaim = async (approve: boolean): Promise<void> => {
      if (!approve && !written(reason, msg, "moderation.reasonNeeded")) return;
      await act(
        msg,
        async () => (await op("decideClaim", { claimId: entry.claimId ?? "", approve, reason: reason.value.trim() || null })).decideClaim,
        (e) => e.claimId === entry.claimId,
        t(approve ? "moderation.transferred" : "moderation.claimRefused", { name: s.name, organisation: entry.claimant ?? "?" }),
      );
    };
    const approve = h("button", { type: "button", class: "primary approve", text: t("moderation.transfer") });
    const reject = h("button", { type: "button", class: "reject", text: t("moderation.refuseClaim") });
    approve.addEventListener("click", () => void decideClaim(true));
    reject.addEventListener("click", () => void decideClaim(false));
    return h(
      "li",
      { class: "queue-item kind-claim", "data-id": s.id, "data-claim": entry.claimId ?? "" },
      listingHeading(s.id, s.name),
      h("p", { class: "meta", text: t("moderation.kindClaim", { claimant: entry.claimant ?? "?", organisation: entry.organisationName ?? "?", date: formatDate(entry.since) ?? "" }) }),
      h("div", { class: "field" }, h("label", { for: `claim-reason-${entry.claimId}`, text: t("moderation.reason") }), reason),
      h("div", { class: "actions" }, approve, reject),
      actionMessage(msg),
    );
  };

  const referralItem = (entry: Entry): HTMLElement => {
    const s = entry.service;
    const msg = `ack-${entry.reportId}`;
    const seen = h("button", { type: "button", class: "primary acknowledge", text: t("moderation.dealtWith") });
    seen.addEventListener("click", () =>
      act(
        msg,
        async () => (await op("acknowledgeReferral", { referralId: entry.reportId ?? "" })).acknowledgeReferral,
        (e) => e.reportId === entry.reportId,
      ),
    );
    return h(
      "li",
      { class: "queue-item kind-referral", "data-id": s.id, "data-referral": entry.reportId ?? "" },
      listingHeading(s.id, s.name),
      h("p", { class: "meta", text: t("moderation.kindReferral", { organisation: entry.organisationName ?? "?", date: formatDate(entry.since) ?? "" }) }),
      entry.message ? h("blockquote", { class: "report-message", text: entry.message }) : null,
      h("div", { class: "actions" }, seen),
      actionMessage(msg),
    );
  };

  const reportItem = (entry: Entry): HTMLElement => {
    const s = entry.service;
    const msg = `resolve-${entry.reportId}`;
    const note = h("textarea", { id: `note-${entry.reportId}`, rows: 2, maxlength: 2000 });
    const resolve = h("button", { type: "button", class: "primary resolve", text: t("moderation.resolve") });
    resolve.addEventListener("click", () =>
      act(
        msg,
        async () => (await op("resolveReport", { reportId: entry.reportId ?? "", note: note.value.trim() || null })).resolveReport,
        (e) => e.reportId === entry.reportId,
        t("moderation.resolved", { name: s.name }),
      ),
    );
    return h(
      "li",
      { class: "queue-item kind-report", "data-id": s.id, "data-report": entry.reportId ?? "" },
      listingHeading(s.id, s.name),
      h("p", { class: "meta", text: t("moderation.kindReport", { date: formatDate(entry.since) ?? "" }) }),
      h("blockquote", { class: "report-message", text: entry.message ?? "" }),
      h("div", { class: "field" }, h("label", { for: `note-${entry.reportId}`, text: t("moderation.note") }), note),
      h("div", { class: "actions" }, resolve),
      actionMessage(msg),
    );
  };

  const draw = (): void => {
    list.replaceChildren(...(entries.length ? entries.map(item) : [h("li", { class: "empty", text: t("moderation.empty.queue") })]));
  };

  const load = async (): Promise<void> => {
    const viewer = currentViewer();
    document.getElementById("moderation-key")!.hidden = Boolean(viewer);
    const moderates = viewer !== null && ["moderator", "admin"].includes(viewer.role);
    document.getElementById("merge")!.hidden = !moderates;
    if (!viewer || !moderates) {
      entries = [];
      list.replaceChildren();
      // Signed in with another role: say whose screen this is, not a bare refusal.
      setMessage("queue-message", viewer ? t("moderation.notYours", { role: t(`role.${viewer.role}` as MessageKey) }) : "");
      return;
    }
    setMessage("queue-message", t("common.loading"));
    try {
      await vocabulary();
      entries = (await op("moderationQueue")).moderationQueue;
      setMessage("queue-message", t("moderation.count", { n: entries.length }));
      draw();
    } catch (error) {
      setMessage("queue-message", (error as Error).message, true);
    }
  };
  void load();
  const stopViewer = onViewerChange(() => void load());
  const stopLanguage = onLanguageChange(draw);
  return () => {
    stopViewer();
    stopLanguage();
  };
}
