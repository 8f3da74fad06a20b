// The connector's filters: need, free, open on a day/time, accessibility, language, age,
// catchment. `readFilters` turns the form into assetsNear variables (omitting empty ones).
import { t } from "../i18n";
import { field, h, option, showFieldError } from "../ui/dom";

export const NEEDS = ["dementia", "loneliness", "diabetes", "deprivation", "mental-health", "carers"];
export const ACCESS = ["Wheelchair", "Hearing loop", "Accessible toilet", "Step-free"];
export const LANGUAGES = ["cy", "en", "pl", "ar", "ur"] as const;
export const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

export interface Filters {
  need?: string;
  age?: number;
  freeOnly: boolean;
  language?: string;
  accessibility?: string;
  openAt?: { day: string; time: string };
  withinArea: boolean;
}

export function filtersFieldset(): HTMLFieldSetElement {
  const need = h("input", { type: "text", list: "need-options", autocomplete: "off" });
  const needList = h("datalist", { id: "need-options" }, ...NEEDS.map((n) => h("option", { value: n })));
  const free = h("input", { type: "checkbox", id: "f-free" });
  const day = h("select", {}, option("", "find.anyDay"), ...DAYS.map((d) => option(d, `day.${d}`)));
  const time = h("input", { type: "time", value: "10:00" });
  const access = h("select", {}, option("", "find.accessAny"), ...ACCESS.map((a) => option(a, null, a)));
  const lang = h(
    "select",
    {},
    option("", "find.languageAny"),
    ...LANGUAGES.map((code) => option(code, `language.${code}`)),
  );
  const age = h("input", { type: "number", min: 0, max: 150, inputmode: "numeric" });
  const area = h("input", { type: "checkbox", id: "f-area" });
  return h(
    "fieldset",
    { class: "filters" },
    h("legend", { i18n: "find.filters" }),
    field("f-need", "find.need", need),
    field("f-day", "find.openOn", day),
    field("f-time", "find.at", time),
    field("f-access", "find.accessibility", access),
    field("f-language", "find.language", lang),
    field("f-age", "find.age", age),
    h("div", { class: "field check" }, free, h("label", { for: "f-free", i18n: "find.free" })),
    h("div", { class: "field check" }, area, h("label", { for: "f-area", i18n: "find.withinArea" })),
    needList,
  );
}

const value = (id: string) => (document.getElementById(id) as HTMLInputElement | HTMLSelectElement).value.trim();

/** The filters as typed, or null after marking the field that is wrong. */
export function readFilters(): Filters | null {
  const out: Filters = {
    freeOnly: (document.getElementById("f-free") as HTMLInputElement).checked,
    withinArea: (document.getElementById("f-area") as HTMLInputElement).checked,
  };
  let ok = true;
  if (value("f-need")) out.need = value("f-need");
  if (value("f-language")) out.language = value("f-language");
  if (value("f-access")) out.accessibility = value("f-access");
  const ageText = value("f-age");
  showFieldError("f-age", null);
  if (ageText) {
    const age = Number(ageText);
    if (!Number.isInteger(age) || age < 0 || age > 150) {
      showFieldError("f-age", t("valid.age"));
      ok = false;
    } else out.age = age;
  }
  const day = value("f-day");
  showFieldError("f-time", null);
  if (day) {
    const time = value("f-time");
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
      showFieldError("f-time", t("valid.time"));
      ok = false;
    } else out.openAt = { day, time };
  }
  return ok ? out : null;
}
