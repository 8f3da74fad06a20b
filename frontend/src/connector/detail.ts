// The detail of one service: provider, contact, schedule, place, cost, languages and when it
// was last verified. Also used (read-only) by the shared shortlist page.
import { inLanguage, language, localName, t, type MessageKey } from "../i18n";
import { termLabel } from "../api/vocabulary";
import { formatDate, h } from "../ui/dom";
import { DAYS } from "./filters";
import type { ServiceDetailsFragment } from "../api/generated/graphql";

/** A service as the detail panel and the shared list read it (the ServiceDetails fragment). */
export type ServiceView = ServiceDetailsFragment;
export type ScheduleView = Pick<ServiceView["schedules"][number], "byday" | "opensAt" | "closesAt" | "freq"> & {
  description?: string | null;
};

const DAY_CODES: readonly string[] = DAYS;

function days(byday: string | null): string {
  if (!byday) return "";
  return byday
    .split(",")
    .map((d) => d.trim())
    .map((d) => (DAY_CODES.includes(d.slice(-2)) ? t(`day.${d.slice(-2)}` as MessageKey) : d))
    .join(", ");
}

/** Where a listing's facts come from and how fresh they are, in words:
 * "Listed by NHS England (ODS), 1 September 2025" for imported open data (until the group
 * confirms it), "Confirmed by the group on …" once confirmed, else "Never verified". */
export function freshness(service: Pick<ServiceView, "lastVerified" | "listedBy" | "listedOn">): string {
  const verified = formatDate(service.lastVerified);
  const listed = formatDate(service.listedOn);
  const confirmedLater = service.lastVerified && service.listedOn && service.lastVerified.slice(0, 10) > service.listedOn.slice(0, 10);
  if (service.listedBy && listed && !confirmedLater) return t("detail.listedBy", { publisher: service.listedBy, date: listed });
  if (verified) return t("detail.confirmedOn", { date: verified });
  return t("detail.neverVerified");
}

export function scheduleLines(schedules: ScheduleView[] = []): HTMLElement {
  if (!schedules.length) return h("p", { text: t("detail.noSchedule") });
  return h(
    "ul",
    { class: "schedule" },
    ...schedules.map((s) => {
      // Published hours are often words only ("Tues 11am - 2pm"): shown as the publisher wrote them.
      if (!s.byday || !s.opensAt || !s.closesAt) {
        const days_ = s.byday ? days(s.byday) : "";
        const times = s.opensAt || s.closesAt ? `${(s.opensAt ?? "").slice(0, 5)}–${(s.closesAt ?? "").slice(0, 5)}` : "";
        return h("li", { text: [days_, times, s.description ?? ""].filter(Boolean).join(" · ") || t("detail.noSchedule") });
      }
      const line = t("detail.scheduleLine", {
        days: days(s.byday),
        opens: (s.opensAt ?? "").slice(0, 5),
        closes: (s.closesAt ?? "").slice(0, 5),
      });
      const monthly = s.freq && s.freq.toUpperCase() === "MONTHLY" ? ` (${t("detail.monthly")})` : "";
      const note = s.description ? ` — ${s.description}` : "";
      return h("li", { text: line + monthly + note });
    }),
  );
}

function row(label: MessageKey, ...value: (Node | string)[]): HTMLElement[] {
  return [h("dt", { text: t(label) }), h("dd", {}, ...value)];
}

function safeUrl(url: string): string | null {
  return /^https?:\/\//i.test(url) ? url : null;
}

export function serviceDetail(service: ServiceView, heading: "h2" | "h3" = "h3"): HTMLElement {
  const rows: HTMLElement[] = [];
  if (service.kind) rows.push(...row("detail.kind", service.kind[language()]));
  if (service.organization?.name) rows.push(...row("detail.provider", localName(service.organization)));
  const contact: Node[] = [];
  const phone = (number: string, extension?: string | null) =>
    h("div", {}, `${t("detail.phone")}: `, h("a", { href: `tel:${number.replace(/\s/g, "")}`, text: extension ? `${number} (${extension})` : number }));
  const shown = new Set<string>();
  for (const p of service.phones ?? []) {
    shown.add(p.number);
    contact.push(phone(p.number, p.extension));
  }
  for (const c of service.contacts ?? []) {
    for (const number of c.phones) if (!shown.has(number)) contact.push(phone(number));
    if (c.email) contact.push(h("div", {}, `${t("detail.email")}: `, h("a", { href: `mailto:${c.email}`, text: c.email })));
  }
  const emails = new Set((service.contacts ?? []).map((c) => c.email).filter(Boolean));
  if (service.email && !emails.has(service.email)) contact.push(h("div", {}, `${t("detail.email")}: `, h("a", { href: `mailto:${service.email}`, text: service.email })));
  const url = service.url ? safeUrl(service.url) : null;
  if (url) contact.push(h("div", {}, `${t("detail.website")}: `, h("a", { href: url, rel: "noopener", target: "_blank", text: url })));
  if (contact.length) rows.push(...row("detail.contact", ...contact));
  rows.push(...row("detail.schedule", scheduleLines(service.schedules)));
  // A place named after its service reads as the service's name in the reader's language.
  const placeName = (name?: string | null) => (name === service.name ? localName(service) : name);
  const places = (service.locations ?? []).map((l) => [placeName(l.name), l.address].filter(Boolean).join(", ")).filter(Boolean);
  if (places.length) rows.push(...row("detail.where", places.join("; ")));
  const access = [...new Set((service.locations ?? []).flatMap((l) => l.accessibility ?? []))];
  if (access.length) rows.push(...row("detail.accessibility", access.join(", ")));
  const free = (service.costOptions ?? []).some((c) => c.amount === 0 || c.option?.toLowerCase() === "free");
  const costs = (service.costOptions ?? []).filter((c) => c.amount).map((c) => `${c.option ?? ""} ${c.currency === "GBP" ? "£" : (c.currency ?? "")}${c.amount}`.trim());
  if (free || costs.length || service.feesDescription) {
    rows.push(...row("detail.cost", [free ? t("detail.free") : "", ...costs, service.feesDescription ?? ""].filter(Boolean).join("; ")));
  }
  const langs = (service.languages ?? []).map((l) => (l.code && ["cy", "en", "pl", "ar", "ur"].includes(l.code) ? t(`language.${l.code}` as MessageKey) : (l.name ?? l.code ?? "")));
  if (langs.length) rows.push(...row("detail.languages", langs.join(", ")));
  if (service.minimumAge != null || service.maximumAge != null) {
    const [min, max] = [service.minimumAge, service.maximumAge];
    const ages = min != null && max != null ? t("detail.agesRange", { min, max }) : min != null ? t("detail.agesFrom", { min }) : t("detail.agesUpTo", { max: max ?? 0 });
    rows.push(...row("detail.ages", ages));
  }
  const needs = (service.needs ?? []).map((n) => termLabel("needs", n.id) ?? n.name ?? n.id);
  if (needs.length) rows.push(...row("detail.needs", needs.join(", ")));
  rows.push(...row("detail.lastVerified", h("span", { class: service.stale ? "stale" : "", text: freshness(service) })));
  const about = inLanguage(service.description, service.descriptionCy);
  return h(
    "article",
    { class: "service-detail", "data-id": service.id },
    h(heading, { text: localName(service) }),
    about ? h("p", { text: about }) : null,
    h("dl", {}, ...rows),
  );
}
