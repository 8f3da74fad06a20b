// Sign in by pasting an API key (checked with the `me` query), shown in the header.
import { apiKey, currentViewer, onViewerChange, setApiKey, setViewer } from "../api/auth";
import { op } from "../api/client";
import { onLanguageChange, t } from "../i18n";
import { field, h, setMessage, showFieldError } from "./dom";

export async function restoreSession(): Promise<void> {
  if (!apiKey()) return;
  try {
    const { me } = await op("me");
    setViewer(me.role === "public" ? null : { role: me.role, organisationId: me.organisationId, name: me.keyId });
  } catch {
    setApiKey(null);
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
          ? t("auth.signedInOrg", { role: viewer.role, organisation: viewer.organisationId })
          : t("auth.signedIn", { role: viewer.role }),
    );
    const summary = document.getElementById("signin-summary");
    if (summary) summary.textContent = viewer ? t("auth.signedIn", { role: viewer.role }) : t("auth.heading");
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const value = key.value.trim();
    showFieldError("api-key", null);
    if (!value.startsWith("cg_")) {
      showFieldError("api-key", t("auth.keyShape"));
      return;
    }
    setApiKey(value);
    try {
      const { me } = await op("me");
      setViewer({ role: me.role, organisationId: me.organisationId, name: me.keyId });
      key.value = "";
      out.focus();
    } catch (error) {
      setApiKey(null);
      showFieldError("api-key", t("auth.rejected", { message: (error as Error).message }));
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
