// A listing's history as its group and the moderators read it: who (by role) changed it,
// what and when, newest first — the audit trail the API keeps for every change.
import { op } from "../api/client";
import { t, type MessageKey } from "../i18n";
import { formatDate, h } from "../ui/dom";
import { fieldLabel } from "./fields";

function said(key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}

/** A closed "History" section that fetches the trail when opened. */
export function historyDetails(serviceId: string): HTMLDetailsElement {
  const list = h("ol", { class: "history" });
  const details = h("details", { class: "listing-history", "data-id": serviceId }, h("summary", { i18n: "history.heading" }), list);
  let loaded = false;
  details.addEventListener("toggle", async () => {
    if (!details.open || loaded) return;
    loaded = true;
    list.replaceChildren(h("li", { role: "status", text: t("common.loading") }));
    try {
      const events = (await op("auditTrail", { targetId: serviceId, first: 50 })).auditTrail;
      list.replaceChildren(
        ...(events.length
          ? events.map((e) =>
              h(
                "li",
                {},
                h("strong", { text: said(`history.op.${e.operation}`, e.operation) }),
                ` — ${formatDate(e.at) ?? e.at}, ${said(`role.${e.actorRole}`, e.actorRole)}`,
                e.changedFields.length ? h("span", { class: "fields", text: ` (${e.changedFields.map(fieldLabel).join(", ")})` }) : null,
              ),
            )
          : [h("li", { class: "empty", i18n: "history.none" })]),
      );
    } catch (error) {
      loaded = false;
      list.replaceChildren(h("li", { class: "error", text: (error as Error).message }));
    }
  });
  return details;
}
