// Entry point: header (navigation, language, sign-in) and a small hash router over the
// three journeys, plus the shared-shortlist page at /shortlist/<token> or #/list?ids=….
import "./styles.css";
import { connectionsView } from "./connections/view";
import { connectorView } from "./connector/view";
import { sharedListView } from "./connector/sharedList";
import { groupView } from "./group/view";
import { applyTranslations, language, missingWelsh, placeholderMismatches, setLanguage, t, type Language } from "./i18n";
import { leaderView } from "./leader/view";
import { moderationView } from "./moderation/view";
import { restoreSession, signInBox } from "./ui/signin";

declare global {
  interface Window {
    commongraphI18n?: { missingWelsh(): string[]; placeholderMismatches(): string[]; t: typeof t };
  }
}

const main = document.getElementById("main") as HTMLElement;
let teardown: (() => void) | null = null;

/** The screens a navigation link opens, at `#/<name>` (the name is also the link's
 * `data-route`): each draws itself into `main` and returns what takes it down. Any other
 * address opens the connector's search ("find"). */
const SCREENS: Record<string, (root: HTMLElement) => () => void> = {
  leader: leaderView,
  moderation: moderationView,
  connections: connectionsView,
  group: groupView,
};

function route(): void {
  teardown?.();
  teardown = null;
  const hash = window.location.hash.replace(/^#/, "");
  const tokenMatch = /^\/shortlist\/([\w-]+)/.exec(window.location.pathname) ?? /^\/shortlist\/([\w-]+)/.exec(hash);
  const screen = Object.keys(SCREENS).find((name) => hash.startsWith(`/${name}`));
  let active = "find";
  if (tokenMatch) {
    teardown = sharedListView(main, { token: tokenMatch[1] });
    active = "";
  } else if (hash.startsWith("/listing/")) {
    teardown = sharedListView(main, { ids: [decodeURIComponent(hash.slice("/listing/".length))], single: true });
    active = "";
  } else if (hash.startsWith("/list")) {
    const ids = new URLSearchParams(hash.split("?")[1] ?? "").get("ids") ?? "";
    teardown = sharedListView(main, { ids: ids.split(",").filter(Boolean) });
    active = "";
  } else if (screen) {
    teardown = SCREENS[screen](main);
    active = screen;
  } else {
    teardown = connectorView(main);
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>("nav a[data-route]")) {
    if (link.dataset.route === active) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  applyTranslations(main);
  document.body.dataset.ready = "true";
}

function header(): void {
  const select = document.getElementById("language") as HTMLSelectElement;
  select.value = language();
  select.addEventListener("change", () => setLanguage(select.value as Language));
  document.getElementById("signin-slot")!.replaceWith(signInBox());
}

window.commongraphI18n = { missingWelsh, placeholderMismatches, t };
document.documentElement.lang = language();
header();
applyTranslations(document.body);
window.addEventListener("hashchange", route);
void restoreSession().finally(route);
