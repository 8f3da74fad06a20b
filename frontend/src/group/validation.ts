// Client-side checks mirroring the API's rules for an offering (graph/repositories/
// offerings.py NewOffering), so a person sees what to fix while typing. The server checks
// again; its ValidationError lands next to the same field.
import { t } from "../i18n";

export type Check = (value: string, form: HTMLFormElement) => string | null;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const URL_RE = /^https?:\/\/\S+$/;
const PHONE = /^[0-9+() .-]{6,}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const max = (n: number): Check => (v) => (v.length > n ? t("valid.tooLong", { n }) : null);
const required: Check = (v) => (v.trim() ? null : t("valid.required"));
const optional = (check: Check): Check => (v, f) => (v.trim() ? check(v.trim(), f) : null);
const all = (...checks: Check[]): Check => (v, f) => {
  for (const check of checks) {
    const problem = check(v, f);
    if (problem) return problem;
  }
  return null;
};
const number = (lo: number, hi: number, key: "valid.latitude" | "valid.longitude" | "valid.age", integer = false): Check => (v) => {
  const n = Number(v);
  return v.trim() === "" || Number.isNaN(n) || n < lo || n > hi || (integer && !Number.isInteger(n)) ? t(key) : null;
};
const read = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? "";

const ageOrder: Check = (_v, form) => {
  const lo = read(form, "minimumAge");
  const hi = read(form, "maximumAge");
  return lo && hi && Number(lo) > Number(hi) ? t("valid.ageOrder") : null;
};

/** Field name (GraphQL input spelling) → check. Fields not listed are not checked here. */
export const CHECKS: Record<string, Check> = {
  name: all(required, max(200)),
  description: max(5000),
  latitude: number(-90, 90, "valid.latitude"),
  longitude: number(-180, 180, "valid.longitude"),
  locationName: max(200),
  address1: max(200),
  city: max(100),
  postalCode: max(20),
  email: optional(all(max(200), (v) => (EMAIL.test(v) ? null : t("valid.email")))),
  url: optional(all(max(500), (v) => (URL_RE.test(v) ? null : t("valid.url")))),
  phone: optional(all(max(40), (v) => (PHONE.test(v) ? null : t("valid.phone")))),
  minimumAge: optional(all(number(0, 150, "valid.age", true), ageOrder)),
  maximumAge: optional(all(number(0, 150, "valid.age", true), ageOrder)),
  opensAt: optional((v) => (TIME.test(v) ? null : t("valid.time"))),
  closesAt: optional((v) => (TIME.test(v) ? null : t("valid.time"))),
};
