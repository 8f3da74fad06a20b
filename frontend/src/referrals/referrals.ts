// Referrals on screen: a connector refers someone to a service from its detail and sees "my
// referrals"; an organisation's inbox accepts, declines and marks them done. A referral to an
// organisation nobody at which uses commongraph is flagged at once: phone them instead.
import { currentViewer } from "../api/auth";
import { op, payloadOf } from "../api/client";
import type { ReferralsQuery } from "../api/generated/graphql";
import { t, type MessageKey } from "../i18n";
import { actionMessage, formatDate, h, setMessage } from "../ui/dom";

export type ReferralView = ReferralsQuery["referrals"][number];

const statusText = (s: ReferralView["status"]) => t(`referral.status.${s.toLowerCase()}` as MessageKey);

/** "Refer someone here" for a connector, under a service's detail. */
export function referBox(serviceId: string, serviceName: string, phone: string | null, onSent: () => void = () => {}): HTMLElement | null {
  if (currentViewer()?.role !== "connector") return null;
  const note = h("textarea", { id: "refer-note", rows: 2, maxlength: 2000 });
  const send = h("button", { type: "button", id: "refer-send", text: t("referral.send") });
  send.addEventListener("click", async () => {
    setMessage("refer-message", t("common.loading"));
    try {
      const result = payloadOf((await op("createReferral", { serviceId, note: note.value.trim() || null })).createReferral);
      note.value = "";
      const said = result.referral.receivable
        ? t("referral.sent", { name: serviceName })
        : phone
          ? t("referral.nobodyPhone", { name: serviceName, phone })
          : t("referral.nobody", { name: serviceName });
      setMessage("refer-message", said, !result.referral.receivable);
      onSent();
    } catch (error) {
      setMessage("refer-message", (error as Error).message, true);
    }
  });
  return h(
    "details",
    { class: "refer no-print" },
    h("summary", { text: t("referral.open") }),
    h("label", { for: "refer-note", text: t("referral.note") }),
    note,
    send,
    actionMessage("refer-message"),
  );
}

async function load(): Promise<ReferralView[]> {
  return (await op("referrals", {})).referrals;
}

/** A connector's referrals, or an organisation's inbox with its actions. */
export function referralList(mode: "sent" | "inbox"): HTMLElement {
  const list = h("ul", { id: `referrals-${mode}`, class: "referrals" });
  const section = h(
    "section",
    { class: "panel referrals-panel", "aria-labelledby": `referrals-${mode}-h` },
    h("h2", { id: `referrals-${mode}-h`, text: t(mode === "sent" ? "referral.mine" : "referral.inbox") }),
    h("p", { id: `referrals-${mode}-message`, role: "status" }),
    list,
  );
  const act = async (r: ReferralView, status: ReferralView["status"], reason: string | null = null) => {
    const msg = `referral-msg-${r.id}`;
    setMessage(msg, t("common.loading"));
    try {
      payloadOf((await op("updateReferralStatus", { id: r.id, status, reason })).updateReferralStatus);
      await draw();
    } catch (error) {
      setMessage(msg, (error as Error).message, true);
    }
  };
  const item = (r: ReferralView): HTMLElement => {
    const buttons: HTMLElement[] = [];
    const button = (label: MessageKey, status: ReferralView["status"]) => {
      const b = h("button", { type: "button", class: `referral-${status.toLowerCase()}`, text: t(label) });
      b.addEventListener("click", () => void act(r, status));
      buttons.push(b);
    };
    if (mode === "inbox" && r.status === "REQUESTED") {
      button("referral.accept", "ACCEPTED");
      // Declining asks why first: the connector reads it and can look elsewhere.
      const decline = h("button", { type: "button", class: "referral-declined", text: t("referral.decline") });
      decline.addEventListener("click", () => {
        const why = h("textarea", { id: `decline-why-${r.id}`, rows: 2, maxlength: 1000 });
        const send = h("button", { type: "button", class: "referral-decline-send", text: t("referral.declineSend") });
        send.addEventListener("click", () => void act(r, "DECLINED", why.value.trim() || null));
        decline.replaceWith(
          h("div", { class: "field" }, h("label", { for: `decline-why-${r.id}`, text: t("referral.declineWhy") }), why, send),
        );
        why.focus();
      });
      buttons.push(decline);
    }
    if (r.status === "ACCEPTED") button("referral.done", "DONE");
    return h(
      "li",
      { "data-id": r.id, class: `referral status-${r.status.toLowerCase()}` },
      h("strong", { text: r.serviceName ?? r.serviceId }),
      ` — ${statusText(r.status)}, ${formatDate(r.createdAt) ?? ""}`,
      mode === "inbox" && r.referredBy ? h("p", { class: "referred-by", text: t("referral.from", { who: r.referredBy }) }) : null,
      r.note ? h("p", { class: "note", text: r.note }) : null,
      r.reason ? h("p", { class: "decline-reason", text: t("referral.declinedBecause", { reason: r.reason }) }) : null,
      !r.receivable && mode === "sent" ? h("p", { class: "notice", text: t("referral.unheld") }) : null,
      buttons.length ? h("div", { class: "actions" }, ...buttons) : null,
      actionMessage(`referral-msg-${r.id}`),
    );
  };
  const draw = async (): Promise<void> => {
    try {
      const all = await load();
      list.replaceChildren(...(all.length ? all.map(item) : [h("li", { class: "empty", text: t("referral.none") })]));
      setMessage(`referrals-${mode}-message`, "");
    } catch (error) {
      setMessage(`referrals-${mode}-message`, (error as Error).message, true);
    }
  };
  void draw();
  return section;
}
