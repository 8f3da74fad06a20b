// Translation: t(key, params), the current language (remembered in localStorage) and a
// change event so screens re-render their dynamic parts.
import { cy } from "./cy";
import { en, type MessageKey } from "./en";

export type Language = "en" | "cy";
export type { MessageKey };

const STORAGE_KEY = "commongraph.language";
const dictionaries: Record<Language, Record<MessageKey, string>> = { en, cy };
const listeners = new Set<() => void>();

function stored(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === "cy" ? "cy" : "en";
  } catch {
    return "en";
  }
}

let current: Language = stored();

export function language(): Language {
  return current;
}

/** Data given in both languages, as the reader reads it: the reader's language where there is
 * some, else the other (a group that wrote only in Welsh is still read in English). */
export function inLanguage(en: string | null | undefined, cy: string | null | undefined): string {
  return (current === "cy" ? cy || en : en || cy) || "";
}

/** A record's name as the reader reads it (its Welsh name, where its publisher or group gave
 * one, for a Welsh reader). */
export function localName(named: { name?: string | null; nameCy?: string | null }): string {
  return inLanguage(named.name, named.nameCy);
}

/** The message for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = dictionaries[current][key] ?? en[key] ?? key; // a key never shown blank
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    name in params ? String(params[name]) : `{${name}}`,
  );
}

export function setLanguage(next: Language): void {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  document.documentElement.lang = next;
  applyTranslations(document.body);
  for (const listener of listeners) listener();
}

export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** How a vocabulary term (`data-term="needs:food_poverty"`) is named in the current
 * language; set by the vocabulary module, which loads the terms from the server. */
let termNamer: ((list: string, id: string) => string | null) | null = null;

export function nameTermsWith(namer: (list: string, id: string) => string | null): void {
  termNamer = namer;
}

/** Fill `data-i18n` (text), `data-i18n-<attr>` (attributes) and `data-term` (a vocabulary
 * term's name) under `root`. */
export function applyTranslations(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n]")) {
    el.textContent = t(el.dataset.i18n as MessageKey);
  }
  for (const el of root.querySelectorAll<HTMLElement>("[data-term]")) {
    const [list, id] = (el.dataset.term ?? "").split(":");
    const name = termNamer && list && id ? termNamer(list, id) : null;
    if (name) el.textContent = name;
  }
  for (const attr of ["placeholder", "aria-label", "title"]) {
    for (const el of root.querySelectorAll<HTMLElement>(`[data-i18n-${attr}]`)) {
      el.setAttribute(attr, t(el.getAttribute(`data-i18n-${attr}`) as MessageKey));
    }
  }
}

/** Keys whose Welsh text is missing or blank (the browser test expects none). */
export function missingWelsh(): string[] {
  return (Object.keys(en) as MessageKey[]).filter((key) => !cy[key]?.trim());
}

/** Keys with a placeholder in one language but not the other (a test expects none). */
export function placeholderMismatches(): string[] {
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(",");
  return (Object.keys(en) as MessageKey[]).filter((key) => names(en[key]) !== names(cy[key] ?? ""));
}
