// The group's own listings, from the server (myOfferings, so every browser shows the same):
// moderation status and a rejection's reason, version, last verified, "still correct" in one
// step, and an edit form with an optimistic version lock.
import { failureField, isFailure, op, payloadOf } from "../api/client";
import type { OfferingFieldsFragment, UpdateOfferingInput } from "../api/generated/graphql";
import { loadedVocabulary, termLabel, vocabulary } from "../api/vocabulary";
import { DAYS } from "../connector/filters";
import { t, type MessageKey } from "../i18n";
import { actionMessage, field, h, setMessage, showFieldError } from "../ui/dom";
import { placeByPostcode } from "./postcode";
import { CHECKS } from "./validation";
import { freshness } from "../connector/detail";
import { fieldLabel } from "../listing/fields";
import { historyDetails } from "../listing/history";

export type Offering = OfferingFieldsFragment;

/** Every listing of the signed-in group editor's organisation. */
export async function myOfferings(): Promise<Offering[]> {
  return (await op("myOfferings")).myOfferings;
}

export async function loadOffering(id: string): Promise<Offering | null> {
  const node = (await op("offering", { id })).node;
  return node.__typename === "Service" ? node : null;
}

/** The listing's state in words; a listing a moderator sent back waits on its group. */
function statusText(offering: Offering): string {
  if (offering.changesRequested) return t("group.status.changesAsked");
  const status = offering.moderationStatus;
  return ["pending", "approved", "rejected"].includes(status) ? t(`group.status.${status}` as MessageKey) : status;
}

export function listingItem(offering: Offering, onEdit: (o: Offering) => void, onChange: (o: Offering) => void): HTMLElement {
  const msg = `msg-${offering.id}`;
  const confirm = h("button", { type: "button", class: "confirm", i18n: "group.confirm" });
  const edit = h("button", { type: "button", class: "edit", "aria-label": t("group.edit", { name: offering.name }), i18n: "group.editButton" });
  confirm.addEventListener("click", async () => {
    setMessage(msg, t("common.loading"));
    try {
      const result = payloadOf((await op("confirmStillCorrect", { serviceId: offering.id })).confirmStillCorrect);
      const next: Offering = { ...offering, ...result.service };
      onChange(next); // the list is redrawn with "Confirmed as still correct on …"
    } catch (error) {
      setMessage(msg, (error as Error).message, true);
    }
  });
  edit.addEventListener("click", () => onEdit(offering));
  return h(
    "li",
    { "data-id": offering.id, class: `offering status-${offering.moderationStatus}${offering.stale ? " needs-confirming" : ""}` },
    h("h3", { text: offering.name }),
    offering.stale ? h("p", { class: "badge stale", text: t("group.needsConfirming") }) : null,
    h("dl", {},
      h("dt", { text: t("group.moderation") }), h("dd", { class: "moderation", text: statusText(offering) }),
      offering.moderationReason ? h("dt", { text: t("group.reason") }) : null,
      offering.moderationReason ? h("dd", { class: "reason", text: offering.moderationReason }) : null,
      offering.changesRequested ? h("dt", { text: t("group.changesRequested") }) : null,
      offering.changesRequested ? h("dd", { class: "changes-requested", text: offering.changesRequested }) : null,
      offering.pendingChange ? h("dt", { text: t("group.pendingChange") }) : null,
      offering.pendingChange ? h("dd", { class: "pending-change", text: t("group.pendingFields", { fields: offering.pendingChange.changes.map((c) => fieldLabel(c.field)).join(", ") }) }) : null,
      h("dt", { text: t("group.upToDate") }), h("dd", { class: "verified", text: freshness(offering) }),
      h("dt", { text: t("group.versionLabel") }), h("dd", { class: "version", text: t("group.version", { n: offering.version }) }),
    ),
    h("div", { class: "actions" }, edit, confirm),
    actionMessage(msg),
    historyDetails(offering.id),
  );
}

/** The fields a listing always has, and its lists: never null in `Service.editable`. */
type NeverNull = "name" | "latitude" | "longitude" | "needs" | "languages" | "accessibility" | "free" | "schedules" | "catchment";
type Content = Required<Omit<UpdateOfferingInput, "id" | "version">>;

/** What a group can edit of a listing (Service.editable: the JSON the edit form starts from),
 * typed from updateOffering's generated input, so a field the server renames fails `tsc`. */
export type Editable = { [K in keyof Content]: K extends NeverNull ? NonNullable<Content[K]> : Content[K] };

const TEXT_FIELDS = [
  "name", "nameCy", "description", "descriptionCy", "locationName", "address1", "city", "postalCode", "email", "url", "phone",
  "feesDescription", "eligibilityDescription",
] as const;
const NUMBER_FIELDS = ["latitude", "longitude", "minimumAge", "maximumAge"] as const;
export const LANGUAGE_CODES = ["cy", "en", "pl", "ar", "ur"] as const;

async function loadEditable(id: string): Promise<Editable | null> {
  const node = (await op("editableOffering", { id })).node;
  // `editable` is the listing as the edit form fills it: a JSON object of the input fields.
  return node.__typename === "Service" ? ((node.editable as Editable | null) ?? null) : null;
}

/** A checkbox option: its label is a catalogue message (`i18n`) or a vocabulary term
 * (`term`: which list), so it is relabelled when the language changes. */
export interface Choice {
  id: string;
  label: string;
  i18n?: MessageKey;
  term?: "needs" | "accessibility";
}

export function checkboxes(name: string, options: Choice[], chosen: string[]): HTMLElement {
  const labelOf = (o: Choice) => (o.i18n ? { i18n: o.i18n } : { "data-term": o.term ? `${o.term}:${o.id}` : undefined, text: o.label });
  return h(
    "div",
    { class: "choices", role: "group", "aria-labelledby": `e-${name}-label` },
    ...options.map((o) =>
      h("label", { class: "choice" }, h("input", { type: "checkbox", name, value: o.id, checked: chosen.includes(o.id) }), h("span", labelOf(o))),
    ),
  );
}

/** The language choices of a listing, labelled from the catalogue. */
export const languageChoices = (): Choice[] => LANGUAGE_CODES.map((c) => ({ id: c, label: t(`language.${c}` as MessageKey), i18n: `language.${c}` as MessageKey }));

/** The terms of a vocabulary as choices, labelled in the current language (once loaded). */
export const termChoices = (list: "needs" | "accessibility"): Choice[] =>
  (loadedVocabulary()?.[list] ?? []).map((term) => ({ id: term.id, label: termLabel(list, term.id) ?? term.id, term: list }));

function scheduleRow(s: { byday: string; opensAt: string; closesAt: string } | null, index: number): HTMLElement {
  const days = (s?.byday ?? "").split(",");
  const row = h(
    "div",
    { class: "schedule-row", "data-index": index },
    h("div", { class: "days", role: "group", "aria-label": t("group.days"), "data-i18n-aria-label": "group.days" },
      ...DAYS.map((d) => h("label", { class: "day" }, h("input", { type: "checkbox", name: `day-${index}`, value: d, checked: days.includes(d) }), h("span", { i18n: `day.${d}` }))),
    ),
    h("label", {}, h("span", { i18n: "group.opens" }), h("input", { name: `opens-${index}`, type: "time", value: s?.opensAt ?? "" })),
    h("label", {}, h("span", { i18n: "group.closes" }), h("input", { name: `closes-${index}`, type: "time", value: s?.closesAt ?? "" })),
    h("button", { type: "button", class: "remove-hours", i18n: "group.removeHours" }),
  );
  row.querySelector(".remove-hours")!.addEventListener("click", () => row.remove());
  return row;
}

/** The edit form for one listing: every field its group owns, from what is stored (or the
 * change already waiting); only changed fields are sent, with the version read. */
export async function editForm(offering: Offering, onSaved: (o: Offering, note: string) => void, onCancel: () => void): Promise<HTMLFormElement> {
  const [current] = await Promise.all([loadEditable(offering.id), vocabulary()]);
  const start: Editable = current ?? {
    name: offering.name, nameCy: offering.nameCy ?? null, description: offering.description, descriptionCy: offering.descriptionCy ?? null, latitude: NaN, longitude: NaN, locationName: null, address1: null,
    city: null, postalCode: null, email: offering.email, url: offering.url, phone: null, needs: [], languages: [], accessibility: [],
    minimumAge: offering.minimumAge, maximumAge: offering.maximumAge, free: false, feesDescription: null, eligibilityDescription: null,
    schedules: [], catchment: [],
  };
  const text = (name: (typeof TEXT_FIELDS)[number] | (typeof NUMBER_FIELDS)[number], type = "text") => {
    const value = start[name];
    return h("input", { name, type, value: value == null || Number.isNaN(value) ? "" : String(value), autocomplete: "off" });
  };
  const scheduleList = h("div", { id: "e-schedules" }, ...start.schedules.map((s, i) => scheduleRow(s, i)));
  let rows = start.schedules.length;
  const addHours = h("button", { type: "button", id: "e-add-hours", i18n: "group.addHours" });
  addHours.addEventListener("click", () => scheduleList.append(scheduleRow(null, rows++)));
  const form = h(
    "form",
    { id: "edit-form", class: "offering-form panel", novalidate: true, "aria-labelledby": "edit-heading" },
    h("h2", { id: "edit-heading", tabindex: -1, text: t("group.edit", { name: offering.name }) }),
    offering.moderationStatus === "approved" ? h("p", { class: "notice", i18n: "group.editPublicNote" }) : null,
    field("e-name", "group.name", text("name")),
    field("e-nameCy", "group.nameCy", Object.assign(text("nameCy"), { lang: "cy" })),
    field("e-description", "group.description", h("textarea", { name: "description", rows: 3, text: start.description ?? "" })),
    field("e-descriptionCy", "group.descriptionCy", h("textarea", { name: "descriptionCy", rows: 3, lang: "cy", text: start.descriptionCy ?? "" })),
    h("fieldset", {}, h("legend", { i18n: "group.location" }),
      field("e-locationName", "group.locationName", text("locationName")),
      field("e-address1", "group.address", text("address1")),
      field("e-city", "group.city", text("city")),
      h("div", { class: "inline" }, field("e-postalCode", "group.postcode", text("postalCode")), h("button", { type: "button", id: "e-find-postcode", i18n: "group.findPostcode" })),
      h("div", { class: "inline" }, field("e-latitude", "group.latitude", text("latitude")), field("e-longitude", "group.longitude", text("longitude"))),
    ),
    h("fieldset", {}, h("legend", { i18n: "group.contact" }),
      field("e-email", "group.email", text("email", "email")),
      field("e-url", "group.url", text("url", "url")),
      field("e-phone", "group.phone", text("phone", "tel")),
    ),
    h("fieldset", { id: "e-needs" }, h("legend", { id: "e-needs-label", i18n: "group.needs" }), checkboxes("needs", termChoices("needs"), start.needs), h("p", { class: "field-error", id: "e-needs-error", "aria-live": "polite" })),
    h("fieldset", {}, h("legend", { i18n: "group.who" }),
      h("p", { id: "e-languages-label", i18n: "group.languages" }),
      checkboxes("languages", languageChoices(), start.languages),
      h("div", { class: "inline" }, field("e-minimumAge", "group.minAge", text("minimumAge", "number")), field("e-maximumAge", "group.maxAge", text("maximumAge", "number"))),
      field("e-eligibilityDescription", "group.eligibility", text("eligibilityDescription")),
    ),
    h("fieldset", { id: "e-accessibility" }, h("legend", { id: "e-accessibility-label", i18n: "group.accessibility" }), checkboxes("accessibility", termChoices("accessibility"), start.accessibility)),
    h("fieldset", {}, h("legend", { i18n: "group.cost" }),
      h("div", { class: "field check" }, h("input", { type: "checkbox", name: "free", id: "e-free", checked: start.free }), h("label", { for: "e-free", i18n: "group.free" })),
      field("e-feesDescription", "group.fees", text("feesDescription")),
    ),
    h("fieldset", {}, h("legend", { i18n: "group.when" }), scheduleList, addHours, h("p", { class: "field-error", id: "e-schedules-error", "aria-live": "polite" })),
    h("div", { class: "actions" },
      h("button", { type: "submit", id: "edit-save", class: "primary", i18n: "group.save" }),
      h("button", { type: "button", id: "edit-cancel", i18n: "group.cancel" }),
    ),
    actionMessage("edit-message"),
  );
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? "";
  const ticked = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
  const check = (name: string) => {
    const problem = CHECKS[name]?.(value(name), form) ?? null;
    showFieldError(`e-${name}`, problem);
    return !problem;
  };
  form.addEventListener("input", (event) => check((event.target as HTMLInputElement).name));
  form.querySelector("#edit-cancel")!.addEventListener("click", onCancel);
  form.querySelector("#e-find-postcode")!.addEventListener("click", () => void placeByPostcode(form, "e-postalCode"));
  const schedules = () =>
    [...scheduleList.querySelectorAll<HTMLElement>(".schedule-row")]
      .map((row) => {
        const i = row.dataset.index;
        return { byday: ticked(`day-${i}`).join(","), opensAt: value(`opens-${i}`), closesAt: value(`closes-${i}`) };
      })
      .filter((s) => s.byday || s.opensAt || s.closesAt);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const checked = [...TEXT_FIELDS, ...NUMBER_FIELDS].filter((n) => CHECKS[n]);
    if (!checked.map(check).every(Boolean)) {
      setMessage("edit-message", t("valid.fix"), true);
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const now: Record<string, unknown> = {
      needs: ticked("needs"),
      languages: ticked("languages"),
      accessibility: ticked("accessibility"),
      free: (form.elements.namedItem("free") as HTMLInputElement).checked,
      schedules: schedules(),
    };
    for (const name of TEXT_FIELDS) now[name] = value(name).trim() || null;
    for (const name of NUMBER_FIELDS) now[name] = value(name).trim() === "" ? null : Number(value(name));
    const changes: UpdateOfferingInput & Record<string, unknown> = { id: offering.id, version: offering.version };
    for (const [name, after] of Object.entries(now)) {
      // A blank stored text ("") is no value, as an emptied field sends it (null).
      const stored = start[name as keyof Editable];
      const before = stored === "" ? null : stored;
      const same = JSON.stringify(Array.isArray(before) ? [...before].sort() : before ?? null) === JSON.stringify(Array.isArray(after) ? [...after].sort() : after);
      if (!same) changes[name] = after;
    }
    if (Object.keys(changes).length === 2) {
      setMessage("edit-message", t("group.nothingChanged"), true);
      return;
    }
    setMessage("edit-message", t("common.loading"));
    try {
      const data = await op("updateOffering", { input: changes });
      const result = data.updateOffering;
      if (!isFailure(result)) {
        const saved: Offering = { ...offering, ...result.service };
        const note = result.outcome === "waiting_for_moderator" ? t("group.changeWaiting") : t("group.savedPending", { n: saved.version });
        setMessage("edit-message", note);
        onSaved(saved, note);
        return;
      }
      const field = failureField(result)?.split(".")[0];
      if (result.__typename === "ValidationError" && field && document.getElementById(`e-${field}`)) {
        showFieldError(`e-${field}`, result.message);
        document.getElementById(`e-${field}`)?.focus();
      }
      setMessage("edit-message", result.__typename === "Conflict" ? t("group.conflict") : result.message, true);
    } catch (error) {
      setMessage("edit-message", (error as Error).message, true);
    }
  });
  return form;
}
