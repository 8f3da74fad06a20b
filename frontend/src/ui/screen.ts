// The opening every screen that needs a key shares: its heading, its introduction and the
// notice asking for a key, all named after the screen.
import { currentViewer } from "../api/auth";
import type { MessageKey } from "../i18n";
import { h, type Child } from "./dom";

/** The screens that need a key, by the name their route, element ids and messages share. */
export type KeyedScreen = "leader" | "moderation" | "connections" | "group";

/** A screen that needs a key: a section titled by `#<name>-heading` (message
 * `<name>.heading`), its introduction (`<name>.intro`) and the notice asking for a key
 * (`#<name>-key`, `<name>.needKey`; hidden while someone is signed in, and kept so by the
 * screen as people sign in and out), then `content`. */
export function keyedScreen(name: KeyedScreen, ...content: Child[]): HTMLElement {
  const message = (part: "heading" | "intro" | "needKey"): MessageKey => `${name}.${part}`;
  return h(
    "section",
    { class: `screen ${name}`, "aria-labelledby": `${name}-heading` },
    h("h1", { id: `${name}-heading`, i18n: message("heading") }),
    h("p", { class: "intro", i18n: message("intro") }),
    h("p", { id: `${name}-key`, class: "notice", hidden: Boolean(currentViewer()), i18n: message("needKey") }),
    ...content,
  );
}
