// The registration form: validates as you type, shows similar listings before submitting,
// and on submit shows the server's verdict next to the field or button it concerns.
import { isFailure, op } from "../api/client";
import { t, type MessageKey } from "../i18n";
import { actionMessage, field, h, setMessage, showFieldError } from "../ui/dom";
import { DAYS } from "../connector/filters";
import { candidateItem, lookForSimilar, similarPanel } from "./similar";
import { vocabulary } from "../api/vocabulary";
import { checkboxes, languageChoices, termChoices } from "./myListings";
import { placeByPostcode } from "./postcode";
import { CHECKS } from "./validation";
import { distinctLabel, resolveName, sameNames, suggestNames } from "../leader/names";

/** Whose offering it is: a group editor's own organisation (shown by name, never typed), or,
 * for an administrator, an organisation chosen by name. */
export interface Provider {
  id: string;
  name: string | null;
}

const input = (name: string, type = "text", extra: Record<string, string | number | boolean> = {}) =>
  h("input", { name, type, autocomplete: "off", ...extra });

function f(name: string, label: MessageKey, el: HTMLInputElement | HTMLTextAreaElement, help?: MessageKey) {
  return field(`o-${name}`, label, el, help);
}

/** The organisation field: read-only for a group editor; a name with suggestions otherwise. */
function providerField(provider: Provider | null): HTMLElement {
  if (provider) {
    return f("organisationId", "group.organisation", input("organisationName", "text", { value: provider.name ?? provider.id, readonly: true }));
  }
  const box = input("organisation", "text", { required: true, maxlength: 200 });
  const list = h("datalist", { id: "o-organisation-suggestions" }) as HTMLDataListElement;
  suggestNames(box, list, () => ["organisation"]);
  return h("div", {}, f("organisationId", "group.organisation", box, "group.organisationHelp"), list);
}

/** The id of the organisation typed by name; a field error (and null) when it names none or several. */
async function chosenOrganisation(text: string): Promise<string | null> {
  const found = await resolveName(text, ["organisation"]);
  if (!Array.isArray(found)) return found.id;
  const offer = found.map(distinctLabel).join("; ");
  const problem = !found.length
    ? t("group.organisationNone", { name: text })
    : sameNames(found, text)
      ? t("group.organisationWhich", { names: offer })
      : t("group.organisationDidYouMean", { name: text, names: offer });
  showFieldError("o-organisationId", problem);
  return null;
}

export function registerForm(provider: Provider | null, onRegistered: (s: { id: string }) => void): HTMLFormElement {
  // Needs are picked from the served vocabulary (labels in the UI's language), never typed.
  const needChoices = h("div", { class: "choices" });
  const accessChoices = h("div", { class: "choices" });
  void vocabulary().then(() => {
    needChoices.replaceWith(checkboxes("needs", termChoices("needs"), []));
    accessChoices.replaceWith(checkboxes("accessibility", termChoices("accessibility"), []));
  });
  const form = h(
    "form",
    { id: "register-form", class: "offering-form", novalidate: true, "aria-labelledby": "register-heading" },
    h("h2", { id: "register-heading", i18n: "group.register" }),
    f("name", "group.name", input("name", "text", { required: true, maxlength: 200 })),
    f("nameCy", "group.nameCy", input("nameCy", "text", { maxlength: 200, lang: "cy" })),
    f("description", "group.description", h("textarea", { name: "description", rows: 3, maxlength: 5000 })),
    f("descriptionCy", "group.descriptionCy", h("textarea", { name: "descriptionCy", rows: 3, maxlength: 5000, lang: "cy" })),
    providerField(provider),
    h("fieldset", {}, h("legend", { i18n: "group.location" }),
      f("locationName", "group.locationName", input("locationName")),
      f("address1", "group.address", input("address1")),
      f("city", "group.city", input("city")),
      h("div", { class: "inline" },
        f("postalCode", "group.postcode", input("postalCode")),
        h("button", { type: "button", id: "o-find-postcode", i18n: "group.findPostcode" }),
      ),
      h("div", { class: "inline" },
        f("latitude", "group.latitude", input("latitude", "text", { inputmode: "decimal", required: true })),
        f("longitude", "group.longitude", input("longitude", "text", { inputmode: "decimal", required: true })),
      ),
    ),
    similarPanel(),
    h("fieldset", {}, h("legend", { i18n: "group.contact" }),
      f("email", "group.email", input("email", "email")),
      f("url", "group.url", input("url", "url")),
      f("phone", "group.phone", input("phone", "tel")),
    ),
    h("fieldset", { id: "o-needs" }, h("legend", { id: "o-needs-label", i18n: "group.needs" }), needChoices, h("p", { class: "field-error", id: "o-needs-error", "aria-live": "polite" })),
    h("fieldset", {}, h("legend", { i18n: "group.who" }),
      h("p", { id: "o-languages-label", i18n: "group.languages" }),
      checkboxes("languages", languageChoices(), []),
      h("div", { class: "inline" },
        f("minimumAge", "group.minAge", input("minimumAge", "number", { min: 0, max: 150 })),
        f("maximumAge", "group.maxAge", input("maximumAge", "number", { min: 0, max: 150 })),
      ),
      f("eligibilityDescription", "group.eligibility", input("eligibilityDescription", "text", { maxlength: 1000 })),
    ),
    h("fieldset", { id: "o-accessibility" }, h("legend", { id: "o-accessibility-label", i18n: "group.accessibility" }), accessChoices),
    h("fieldset", {}, h("legend", { i18n: "group.cost" }),
      h("div", { class: "field check" }, input("free", "checkbox", { id: "o-free" }), h("label", { for: "o-free", i18n: "group.free" })),
      f("feesDescription", "group.fees", input("feesDescription", "text", { maxlength: 1000 })),
    ),
    h("fieldset", { id: "o-days-group" }, h("legend", { i18n: "group.when" }),
      h("div", { class: "days", role: "group", "aria-labelledby": "o-days-label" },
        h("span", { id: "o-days-label", i18n: "group.days" }),
        ...DAYS.map((d) => h("label", { class: "day" }, input("day", "checkbox", { value: d, id: `o-day-${d}` }), h("span", { i18n: `day.${d}` }))),
      ),
      h("p", { class: "field-error", id: "o-days-error", "aria-live": "polite" }),
      h("div", { class: "inline" },
        f("opensAt", "group.opens", input("opensAt", "text", { placeholder: "09:00" })),
        f("closesAt", "group.closes", input("closesAt", "text", { placeholder: "12:00" })),
      ),
    ),
    h("section", { id: "duplicates", class: "panel duplicates", hidden: true, "aria-labelledby": "duplicates-heading" },
      h("h3", { id: "duplicates-heading", tabindex: -1, i18n: "group.likelyStopped" }),
      h("ul", { id: "duplicates-list" }),
      h("button", { type: "button", id: "register-anyway", i18n: "group.registerAnyway" }),
    ),
    h("button", { type: "submit", id: "register-submit", class: "primary", i18n: "group.submit" }),
    actionMessage("register-message"),
  );

  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? "";
  const check = (name: string): boolean => {
    const rule = CHECKS[name];
    if (!rule) return true;
    const problem = rule(value(name), form);
    showFieldError(`o-${name}`, problem);
    return !problem;
  };
  const ticked = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
  const days = () => [...form.querySelectorAll<HTMLInputElement>('input[name="day"]:checked')].map((d) => d.value);
  const checkDays = (): boolean => {
    const timed = value("opensAt").trim() || value("closesAt").trim();
    const problem = timed && !days().length ? t("valid.days") : null;
    const slot = document.getElementById("o-days-error");
    if (slot) slot.textContent = problem ?? "";
    return !problem;
  };
  // A group editor may claim a look-alike that is really theirs; an administrator names no group.
  const canClaim = provider !== null;
  const contact = () => ({ phone: value("phone").trim() || null, email: value("email").trim() || null, url: value("url").trim() || null });
  const coords = (): [number | null, number | null] => {
    const lat = Number(value("latitude"));
    const lon = Number(value("longitude"));
    return value("latitude").trim() && value("longitude").trim() && !Number.isNaN(lat) && !Number.isNaN(lon) ? [lat, lon] : [null, null];
  };

  form.addEventListener("input", (event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === "day") checkDays();
    else if (target.name) {
      check(target.name);
      if (target.name === "minimumAge") check("maximumAge");
      if (target.name === "maximumAge") check("minimumAge");
      if (["opensAt", "closesAt"].includes(target.name)) checkDays();
    }
    if (["name", "latitude", "longitude", "phone", "email", "url"].includes(target.name)) lookForSimilar(value("name"), ...coords(), contact(), canClaim);
  });

  form.querySelector("#o-find-postcode")!.addEventListener("click", async () => {
    if (!(await placeByPostcode(form, "o-postalCode"))) return;
    check("latitude");
    check("longitude");
    lookForSimilar(value("name"), ...coords(), contact(), canClaim);
  });

  const submit = async (confirmNotDuplicate: boolean): Promise<void> => {
    const names = Object.keys(CHECKS);
    const ok = names.map(check).every(Boolean) && checkDays();
    if (!ok) {
      setMessage("register-message", t("valid.fix"), true);
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const optional = (name: string) => value(name).trim() || null;
    const integer = (name: string) => (value(name).trim() ? Number(value(name)) : null);
    const [latitude, longitude] = coords();
    if (latitude === null || longitude === null) {
      showFieldError("o-latitude", t("valid.required"));
      (document.getElementById("o-latitude") as HTMLElement | null)?.focus();
      return;
    }
    // A group editor's organisation is the server's to fill in; anyone else names one.
    const organisationId = provider ? null : await chosenOrganisation(value("organisation"));
    if (!provider && organisationId === null) {
      (document.getElementById("o-organisationId") as HTMLElement | null)?.focus();
      return;
    }
    const schedules = days().length && value("opensAt").trim() && value("closesAt").trim()
      ? [{ byday: days().join(","), opensAt: value("opensAt").trim(), closesAt: value("closesAt").trim() }]
      : [];
    const payload = {
      name: value("name").trim(),
      nameCy: optional("nameCy"),
      description: optional("description"),
      descriptionCy: optional("descriptionCy"),
      organisationId,
      latitude,
      longitude,
      locationName: optional("locationName"),
      address1: optional("address1"),
      city: optional("city"),
      postalCode: optional("postalCode"),
      email: optional("email"),
      url: optional("url"),
      phone: optional("phone"),
      needs: ticked("needs"),
      languages: ticked("languages"),
      minimumAge: integer("minimumAge"),
      maximumAge: integer("maximumAge"),
      free: (form.elements.namedItem("free") as HTMLInputElement).checked,
      feesDescription: optional("feesDescription"),
      eligibilityDescription: optional("eligibilityDescription"),
      accessibility: ticked("accessibility"),
      schedules,
      confirmNotDuplicate,
    };
    setMessage("register-message", t("common.loading"));
    try {
      const data = await op("registerOffering", { input: payload });
      const result = data.registerOffering;
      if (!isFailure(result)) {
        document.getElementById("duplicates")!.hidden = true;
        form.reset();
        if (provider) (form.elements.namedItem("organisationName") as HTMLInputElement).value = provider.name ?? provider.id;
        document.getElementById("similar-list")?.replaceChildren();
        document.getElementById("similar")!.hidden = true;
        setMessage("register-message", t("group.registered"));
        onRegistered(result.service);
        return;
      }
      if (result.__typename === "PossibleDuplicates") {
        const panel = document.getElementById("duplicates")!;
        panel.hidden = false;
        document.getElementById("duplicates-list")!.replaceChildren(
          ...result.candidates.map((c) => candidateItem("duplicates", c.id, c.name, t("group.reasons", { reasons: c.reasons.join(", ") }), canClaim)),
        );
        setMessage("register-message", result.message, true);
        (document.getElementById("duplicates-heading") as HTMLElement).focus();
        return;
      }
      if (result.__typename === "ValidationError") {
        const name = result.field.split(".")[0];
        if (document.getElementById(`o-${name}`)) {
          showFieldError(`o-${name}`, result.message);
          document.getElementById(`o-${name}`)?.focus();
        }
      }
      setMessage("register-message", result.message, true);
    } catch (error) {
      setMessage("register-message", (error as Error).message, true);
    }
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit(false);
  });
  form.querySelector("#register-anyway")!.addEventListener("click", () => void submit(true));
  return form;
}
