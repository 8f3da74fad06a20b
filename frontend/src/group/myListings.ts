// The group's own listings, from the server (myOfferings, so every browser shows the same):
// moderation status and a rejection's reason, version, last verified, "still correct" in one
// step, and an edit form with an optimistic version lock.
import { gql, isFailure, type Failure } from "../api/client";
import { documents } from "../api/documents";
import { t, type MessageKey } from "../i18n";
import { actionMessage, field, formatDate, h, setMessage, showFieldError } from "../ui/dom";
import { CHECKS } from "./validation";
import { freshness } from "../connector/detail";

export interface Offering {
  id: string;
  name: string;
  description: string | null;
  email: string | null;
  url: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  moderationStatus: string;
  moderationReason?: string | null;
  version: number;
  lastVerified: string | null;
  listedBy?: string | null;
  listedOn?: string | null;
}

type Result = { __typename: string; service?: Partial<Offering> } & Partial<Failure>;

/** Every listing of the signed-in group editor's organisation. */
export async function myOfferings(): Promise<Offering[]> {
  return (await gql<{ myOfferings: Offering[] }>(documents.myOfferings)).myOfferings;
}

export async function loadOffering(id: string): Promise<Offering | null> {
  const data = await gql<{ node: Offering & { __typename: string } }>(documents.offering, { id });
  return data.node.__typename === "Service" ? data.node : null;
}

function statusText(status: string): string {
  const key = `group.status.${status}` as MessageKey;
  return ["pending", "approved", "rejected"].includes(status) ? t(key) : status;
}

export function listingItem(offering: Offering, onEdit: (o: Offering) => void, onChange: (o: Offering) => void): HTMLElement {
  const msg = `msg-${offering.id}`;
  const confirm = h("button", { type: "button", class: "confirm", i18n: "group.confirm" });
  const edit = h("button", { type: "button", class: "edit", "aria-label": t("group.edit", { name: offering.name }), i18n: "group.editButton" });
  confirm.addEventListener("click", async () => {
    setMessage(msg, t("common.loading"));
    try {
      const data = await gql<{ confirmStillCorrect: Result }>(documents.confirmStillCorrect, { serviceId: offering.id });
      const result = data.confirmStillCorrect;
      if (isFailure(result) || !result.service) throw new Error(result.message ?? result.__typename);
      const next = { ...offering, ...result.service } as Offering;
      onChange(next); // the list is redrawn with "Confirmed as still correct on …"
    } catch (error) {
      setMessage(msg, (error as Error).message, true);
    }
  });
  edit.addEventListener("click", () => onEdit(offering));
  return h(
    "li",
    { "data-id": offering.id, class: `offering status-${offering.moderationStatus}` },
    h("h3", { text: offering.name }),
    h("dl", {},
      h("dt", { text: t("group.moderation") }), h("dd", { class: "moderation", text: statusText(offering.moderationStatus) }),
      offering.moderationReason && offering.moderationStatus === "rejected" ? h("dt", { text: t("group.reason") }) : null,
      offering.moderationReason && offering.moderationStatus === "rejected" ? h("dd", { class: "reason", text: offering.moderationReason }) : null,
      h("dt", { text: t("detail.lastVerified") }), h("dd", { class: "verified", text: freshness(offering) }),
      h("dt", { text: t("detail.status") }), h("dd", { text: t("group.version", { n: offering.version }) }),
    ),
    h("div", { class: "actions" }, edit, confirm),
    actionMessage(msg),
  );
}

/** The edit form for one offering; only changed fields are sent, with the version read. */
export function editForm(offering: Offering, onSaved: (o: Offering) => void, onCancel: () => void): HTMLFormElement {
  const input = (name: keyof Offering, type = "text") => {
    const value = offering[name];
    return h("input", { name, type, value: value == null ? "" : String(value), autocomplete: "off" });
  };
  const form = h(
    "form",
    { id: "edit-form", class: "offering-form panel", novalidate: true, "aria-labelledby": "edit-heading" },
    h("h2", { id: "edit-heading", tabindex: -1, text: t("group.edit", { name: offering.name }) }),
    field("e-name", "group.name", input("name")),
    field("e-description", "group.description", h("textarea", { name: "description", rows: 3, text: offering.description ?? "" })),
    field("e-email", "group.email", input("email", "email")),
    field("e-url", "group.url", input("url", "url")),
    h("div", { class: "inline" }, field("e-minimumAge", "group.minAge", input("minimumAge", "number")), field("e-maximumAge", "group.maxAge", input("maximumAge", "number"))),
    h("div", { class: "actions" },
      h("button", { type: "submit", id: "edit-save", class: "primary", i18n: "group.save" }),
      h("button", { type: "button", id: "edit-cancel", i18n: "group.cancel" }),
    ),
    actionMessage("edit-message"),
  );
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
  const fields = ["name", "description", "email", "url", "minimumAge", "maximumAge"];
  const check = (name: string) => {
    const problem = CHECKS[name]?.(value(name), form) ?? null;
    showFieldError(`e-${name}`, problem);
    return !problem;
  };
  form.addEventListener("input", (event) => check((event.target as HTMLInputElement).name));
  form.querySelector("#edit-cancel")!.addEventListener("click", onCancel);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!fields.map(check).every(Boolean)) {
      setMessage("edit-message", t("valid.fix"), true);
      return;
    }
    const changes: Record<string, unknown> = { id: offering.id, version: offering.version };
    for (const name of fields) {
      const before = offering[name as keyof Offering];
      const typed = value(name).trim();
      const after = typed === "" ? null : name.endsWith("Age") ? Number(typed) : typed;
      if ((before ?? null) !== after) changes[name] = after;
    }
    setMessage("edit-message", t("common.loading"));
    try {
      const data = await gql<{ updateOffering: Result }>(documents.updateOffering, { input: changes });
      const result = data.updateOffering;
      if (!isFailure(result) && result.service) {
        setMessage("edit-message", t("group.saved"));
        onSaved({ ...offering, ...changes, ...result.service } as Offering);
        return;
      }
      if (result.__typename === "ValidationError" && result.field && document.getElementById(`e-${result.field}`)) {
        showFieldError(`e-${result.field}`, result.message ?? "");
      }
      setMessage("edit-message", result.__typename === "Conflict" ? t("group.conflict") : (result.message ?? result.__typename), true);
    } catch (error) {
      setMessage("edit-message", (error as Error).message, true);
    }
  });
  return form;
}
