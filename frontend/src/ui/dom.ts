// Tiny DOM helpers: build elements without innerHTML (no injection from API strings).
import { t, type MessageKey } from "../i18n";

type Attrs = Record<string, string | number | boolean | null | undefined>;
export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") el.textContent = String(value);
    else if (name === "i18n") {
      el.dataset.i18n = String(value);
      el.textContent = t(value as MessageKey);
    } else el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

/** A labelled input with a message slot for its error (`aria-describedby`). A null label is
 * left empty for the caller to write (words the server serves, such as filter names). */
export function field(
  id: string,
  label: MessageKey | null,
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  help?: MessageKey,
): HTMLDivElement {
  input.id = id;
  const error = h("p", { class: "field-error", id: `${id}-error`, "aria-live": "polite" });
  const describedBy = [`${id}-error`];
  const helpEl = help ? h("p", { class: "help", id: `${id}-help`, i18n: help }) : null;
  if (helpEl) describedBy.unshift(`${id}-help`);
  input.setAttribute("aria-describedby", describedBy.join(" "));
  return h("div", { class: "field" }, h("label", { for: id, i18n: label ?? undefined }), input, helpEl, error);
}

/** Show (or clear, with null) the message next to the input with this id. */
export function showFieldError(id: string, message: string | null): void {
  const input = document.getElementById(id);
  const slot = document.getElementById(`${id}-error`);
  if (slot) slot.textContent = message ?? "";
  if (input) {
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }
}

/** A message line under an action (button) that reports its result or error. */
export function actionMessage(id: string): HTMLParagraphElement {
  return h("p", { id, class: "action-message", role: "status", "aria-live": "polite" });
}

export function setMessage(id: string, message: string, isError = false): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.textContent = message;
  el.classList.toggle("error", isError);
}

export function option(value: string, label: MessageKey | null, text?: string): HTMLOptionElement {
  const el = h("option", { value });
  if (label) {
    el.dataset.i18n = label;
    el.textContent = t(label);
  } else el.textContent = text ?? value;
  return el;
}

/** "4 December 2026" / "4 Rhagfyr 2026": month names from our own catalogues, since a
 * browser's locale data may lack Welsh (it then falls back to "December 4, 2026"). */
export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso.replace(/(\.\d{3})\d+/, "$1")); // nanoseconds → milliseconds
  if (Number.isNaN(date.getTime())) return iso;
  const month = t(`date.month.${date.getUTCMonth() + 1}` as MessageKey);
  return `${date.getUTCDate()} ${month} ${date.getUTCFullYear()}`;
}
