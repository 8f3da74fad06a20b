// Sign in by pasting an API key (checked with the `me` query), shown in the header.
import { apiKey, currentViewer, onViewerChange, setApiKey, setViewer, type Viewer } from "../api/auth";
import type { MeQuery } from "../api/generated/graphql";
import { ApiError, op } from "../api/client";
import { onLanguageChange, t, type MessageKey } from "../i18n";
import { field, h, setMessage, showFieldError } from "./dom";

type Me = MeQuery["me"];

/** A role as a person reads it ("connector" → "community connector" / "cysylltydd cymunedol"). */
function roleName(role: string): string {
  const key = `role.${role}` as MessageKey;
  const text = t(key);
  return text === key ? role : text;
}

function viewerOf(me: Me): Viewer | null {
  return me.role === "public" ? null : { role: me.role, organisationId: me.organisationId, organisationName: me.organisationName, name: me.keyId, personId: me.personId };
}

export async function restoreSession(): Promise<void> {
  if (!apiKey()) return;
  try {
    setViewer(viewerOf((await op("me")).me));
  } catch {
    setApiKey(null);
  }
}

/** Keep `key` and ask the server whose it is; on failure the key is dropped and the error
 * thrown (the caller says why). */
export async function signInWithKey(key: string): Promise<void> {
  setApiKey(key);
  try {
    setViewer(viewerOf((await op("me")).me));
  } catch (error) {
    setApiKey(null);
    throw error;
  }
}

export function signInBox(): HTMLElement {
  const key = h("input", { type: "password", autocomplete: "off", spellcheck: "false" });
  const form = h(
    "form",
    { id: "signin-form", novalidate: true },
    field("api-key", "auth.key", key, "auth.keyHelp"),
    h("button", { type: "submit", id: "signin-button", i18n: "auth.signIn" }),
  );
  const out = h("button", { type: "button", id: "signout-button", i18n: "auth.signOut" });
  const state = h("p", { id: "signin-state", role: "status" });
  const box = h(
    "details",
    { class: "signin", id: "signin" },
    h("summary", { id: "signin-summary", i18n: "auth.heading" }),
    state,
    form,
    out,
  );
  const draw = (): void => {
    const viewer = currentViewer();
    form.hidden = Boolean(viewer);
    out.hidden = !viewer;
    setMessage(
      "signin-state",
      !viewer
        ? t("auth.public")
        : viewer.organisationId
          ? t("auth.signedInOrg", { role: roleName(viewer.role), organisation: viewer.organisationName ?? viewer.organisationId })
          : t("auth.signedIn", { role: roleName(viewer.role) }),
    );
    const summary = document.getElementById("signin-summary");
    if (summary) summary.textContent = viewer ? t("auth.signedIn", { role: roleName(viewer.role) }) : t("auth.heading");
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const value = key.value.trim();
    showFieldError("api-key", null);
    if (!value.startsWith("cg_")) {
      showFieldError("api-key", t("auth.keyShape"));
      return;
    }
    try {
      await signInWithKey(value);
      key.value = "";
      out.focus();
    } catch (error) {
      // 401: the server does not know the key (mistyped, or withdrawn); anything else says why.
      const refused = error instanceof ApiError && error.code === "401";
      showFieldError("api-key", refused ? t("auth.unknownKey") : t("auth.rejected", { message: (error as Error).message }));
    }
  });
  out.addEventListener("click", () => {
    setApiKey(null);
    key.focus();
  });
  queueMicrotask(draw);
  onViewerChange(draw);
  onLanguageChange(draw);
  return box;
}
