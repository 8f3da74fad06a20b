// The connector's filters: kind of place, need, free, open on a day/time, accessibility,
// language, age, catchment, and whether services that do not say are kept. The server declares
// each filter once (graph/repositories/assets.py `NearFilter`): what is read here is the API's
// `NearFilter` input (generated from the schema), each filter's label is served with the
// vocabularies (GET /api/vocabulary `filters`, English and Welsh), and each control's id is
// `f-` and the filter's name, so a server error about a filter lands beside its control.
// Kinds, needs and accessibility options are served terms too (labels in the UI's language,
// ids sent to the API). Any change re-runs the search (see view.ts), so the list never shows
// results of other filters.
import { language, onLanguageChange, t } from "../i18n";
import { termLabel, vocabulary, type Term } from "../api/vocabulary";
import { field, h, option, showFieldError } from "../ui/dom";
import type { NearFilter, Weekday } from "../api/generated/graphql";

export const LANGUAGES = ["cy", "en", "pl", "ar", "ur"] as const;
export const DAYS: readonly Weekday[] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/** The filters as chosen: the API's `NearFilter` (its `areaId` is the place's, filled in by
 * the view when `withinArea`) and whether to keep to the person's area. */
export interface Filters {
  filter: NearFilter;
  withinArea: boolean;
}

/** The control beside which a server error about ``field`` (a filter's name, or a path
 * inside one) is shown (null: none). */
export function controlFor(field: string): string | null {
  const name = field.split(".")[0]; // "openAt.time": the filter is openAt
  if (name === "openAt") return "f-time"; // day and time: the time is what is typed
  return document.getElementById(`f-${name}`) ? `f-${name}` : null;
}

function fillTerms(select: HTMLSelectElement, terms: Term[], value: (term: Term) => string): void {
  const chosen = select.value;
  const sorted = [...terms].sort((a, b) => a[language()].localeCompare(b[language()], language()));
  select.replaceChildren(option("", "find.any"), ...sorted.map((term) => option(value(term), null, term[language()])));
  select.value = chosen;
}

/** A filter's control (`f-` and its name unless given), labelled by the filter's served name. */
function filterField(name: string, control: HTMLInputElement | HTMLSelectElement, id = `f-${name}`): HTMLDivElement {
  const div = field(id, null, control);
  div.querySelector("label")!.dataset.filter = name;
  return div;
}

/** A filter's tick box (`id` its control), labelled by the filter's served name. */
function filterCheck(name: string, control: HTMLInputElement, ...rest: HTMLElement[]): HTMLDivElement {
  return h("div", { class: `field check${rest.length ? " wide" : ""}` }, control, h("label", { for: control.id, "data-filter": name }), ...rest);
}

/** Every filter's label in the UI's language (GET /api/vocabulary `filters`: the server
 * declares each filter once, with its English and Welsh label). */
function drawLabels(root: HTMLElement): void {
  for (const label of root.querySelectorAll<HTMLLabelElement>("label[data-filter]")) {
    const name = label.dataset.filter ?? "";
    label.textContent = termLabel("filters", name) ?? name;
  }
}

export function filtersFieldset(): HTMLFieldSetElement {
  const kinds = h("select", {}, option("", "find.any"));
  const need = h("select", {}, option("", "find.any"));
  const access = h("select", {}, option("", "find.any"));
  const free = h("input", { type: "checkbox", id: "f-freeOnly" });
  const day = h("select", {}, option("", "find.anyDay"), ...DAYS.map((d) => option(d, `day.${d}`)));
  const time = h("input", { type: "time", value: "10:00" });
  const lang = h("select", {}, option("", "find.languageAny"), ...LANGUAGES.map((code) => option(code, `language.${code}`)));
  const age = h("input", { type: "number", min: 0, max: 150, inputmode: "numeric" });
  const area = h("input", { type: "checkbox", id: "f-area" });
  const unknown = h("input", { type: "checkbox", id: "f-includeUnknown", checked: true, "aria-describedby": "f-includeUnknown-help" });
  const fieldset = h(
    "fieldset",
    { class: "filters", id: "filters" },
    h("legend", { i18n: "find.filters" }),
    filterField("kinds", kinds),
    filterField("need", need),
    filterField("openAt", day, "f-day"),
    field("f-time", "find.at", time),
    filterField("accessibility", access),
    filterField("language", lang),
    filterField("age", age),
    filterCheck("freeOnly", free),
    filterCheck("areaId", area),
    filterCheck("includeUnknown", unknown, h("p", { class: "help", id: "f-includeUnknown-help", i18n: "find.includeUnknownHelp" })),
  );
  void vocabulary().then((v) => {
    const draw = () => {
      drawLabels(fieldset);
      fillTerms(kinds, v.serviceTypes, (term) => term.id);
      fillTerms(need, v.needs, (term) => term.id);
      // The API filters accessibility by words in the location's description.
      fillTerms(access, v.accessibility, (term) => term.id.replace(/_/g, " "));
    };
    draw();
    onLanguageChange(draw);
  });
  return fieldset;
}

const value = (id: string) => (document.getElementById(id) as HTMLInputElement | HTMLSelectElement).value.trim();
const checked = (id: string) => (document.getElementById(id) as HTMLInputElement).checked;

/** The filters as chosen, or null after marking the field that is wrong. */
export function readFilters(): Filters | null {
  const filter: NearFilter = { freeOnly: checked("f-freeOnly"), includeUnknown: checked("f-includeUnknown") };
  let ok = true;
  for (const name of ["text", "need", "language", "accessibility"] as const) {
    if (value(`f-${name}`)) filter[name] = value(`f-${name}`);
  }
  if (value("f-kinds")) filter.kinds = [value("f-kinds")];
  const ageText = value("f-age");
  showFieldError("f-age", null);
  if (ageText) {
    const age = Number(ageText);
    if (!Number.isInteger(age) || age < 0 || age > 150) {
      showFieldError("f-age", t("valid.age"));
      ok = false;
    } else filter.age = age;
  }
  const day = value("f-day");
  showFieldError("f-time", null);
  if (day) {
    const time = value("f-time");
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
      showFieldError("f-time", t("valid.time"));
      ok = false;
    } else filter.openAt = { day: day as Weekday, time };
  }
  return ok ? { filter, withinArea: checked("f-area") } : null;
}

/** Short words for the filters in force, for the count line ("free, open Tuesday 10:00"). */
export function describeFilters({ filter }: Filters): string {
  const parts: string[] = [];
  if (filter.text) parts.push(`“${filter.text}”`);
  for (const kind of filter.kinds ?? []) parts.push(termLabel("serviceTypes", kind) ?? kind);
  if (filter.freeOnly) parts.push(t("find.free").toLowerCase());
  if (filter.openAt) parts.push(t("find.openAtShort", { day: t(`day.${filter.openAt.day as (typeof DAYS)[number]}`), time: filter.openAt.time }));
  if (filter.language) parts.push(t(`language.${filter.language as (typeof LANGUAGES)[number]}`));
  return parts.join(", ");
}
