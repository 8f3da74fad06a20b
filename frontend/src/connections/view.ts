// "My connections": a professional records whom they work with (a person, an organisation or
// a team), how often, in which ways and since when — the questions of relationship-mapping
// surveys such as PARTNER — changes or erases what they recorded, says when the list is
// complete, and opens their place on the map. An invitation link (#/connections?invite=…)
// signs them in with a key linked to them, shown once.
import { currentViewer, onViewerChange } from "../api/auth";
import { failureField, isFailure, op, payloadOf } from "../api/client";
import type { ConnectionKind, MyConnectionsFieldsFragment } from "../api/generated/graphql";
import { termLabel, vocabulary, type Term } from "../api/vocabulary";
import { language, onLanguageChange, t, type MessageKey } from "../i18n";
import { describeHit, label as hitLabel, lookup, suggestNames, type NameHit } from "../leader/names";
import { actionMessage, field, formatDate, h, option, setMessage, showFieldError } from "../ui/dom";
import { keyedScreen } from "../ui/screen";
import { signInWithKey } from "../ui/signin";

type Mine = MyConnectionsFieldsFragment;
type Tie = Mine["ties"][number];

/** What a connection can point at (lookup kinds). */
const TARGET_KINDS = ["person", "organisation", "team"];
const KINDS: ConnectionKind[] = ["WORKS_WITH", "KNOWS"];
/** Roles that may open the relationship map. */
const READS_MAP = ["connector", "leader", "admin"];
/** Which form field shows a refusal of which input. */
const FIELD_OF: Record<string, string> = { targetId: "c-target", kind: "c-kind", frequency: "c-frequency", since: "c-since", how: "c-how" };

function capital(text: string): string {
  return text ? text[0].toLocaleUpperCase(language()) + text.slice(1) : text;
}

/** "Works with · every week · share information, plan together · since 2019". */
function describe(tie: Tie): string {
  const parts = [capital(termLabel("relationships", tie.type) ?? tie.type)];
  if (tie.frequency) parts.push(termLabel("frequencies", tie.frequency) ?? tie.frequency);
  if (tie.how.length) parts.push(tie.how.map((w) => termLabel("workingWays", w) ?? w).join(", "));
  if (tie.since) parts.push(t("connections.since", { since: tie.since }));
  return parts.join(" · ");
}

function sourceNote(tie: Tie): string {
  if (tie.mine) return t("connections.source.mine", { date: formatDate(tie.recordedAt) ?? "" });
  if (tie.source?.startsWith("demo:")) return t("connections.source.generated");
  if (tie.source === "survey") return t("connections.source.theirs");
  return tie.source ? t("connections.source.register", { source: tie.source }) : t("connections.source.unknown");
}

function kindWord(kind: string | null): string {
  const key = `connections.kind.${kind ?? "other"}` as MessageKey;
  const text = t(key);
  return text === key ? (kind ?? "") : text;
}

function choices(name: string, terms: Term[], chosen: string[]): HTMLElement {
  return h(
    "fieldset",
    { class: "choices", id: `${name}-set` },
    h("legend", { i18n: "connections.how" }),
    ...terms.map((term) =>
      h("label", { class: "choice" }, h("input", { type: "checkbox", name, value: term.id, checked: chosen.includes(term.id) }), h("span", { text: term[language()] })),
    ),
  );
}

function frequencySelect(id: string, terms: Term[], chosen: string | null): HTMLSelectElement {
  const select = h("select", { id, name: "frequency" }, option("", "connections.frequencyUnsaid"), ...terms.map((term) => option(term.id, null, term[language()])));
  select.value = chosen ?? "";
  return select;
}

function ticked(form: HTMLElement, name: string): string[] {
  return [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
}

export function connectionsView(root: HTMLElement): () => void {
  let mine: Mine | null = null;
  const slot = h("div", { id: "connections-slot" });
  root.replaceChildren(
    keyedScreen(
      "connections",
      h("div", { id: "invite-slot" }),
      h("p", { id: "connections-message", class: "action-message", role: "status" }),
      slot,
    ),
  );

  const showFailure = (result: { __typename: string; message: string }): void => {
    const field = failureField(result);
    const id = field ? FIELD_OF[field.split(".")[0]] : undefined;
    if (id && document.getElementById(id)) {
      showFieldError(id, result.message);
      document.getElementById(id)?.focus();
    }
    setMessage("add-message", result.message, true);
  };

  const tieItem = (tie: Tie): HTMLElement => {
    const name = tie.otherName ?? t("connections.someone");
    const item = h(
      "li",
      { class: `tie${tie.mine ? " mine" : ""}`, "data-id": tie.id ?? "", "data-other": tie.otherId },
      h("p", { class: "tie-name" }, h("strong", { text: name }), ` (${kindWord(tie.otherKind)})`),
      h("p", { class: "tie-how", text: describe(tie) }),
      h("p", { class: "tie-source help", text: sourceNote(tie) }),
    );
    if (!tie.mine || !tie.id) return item;
    const id = tie.id;
    const msg = `tie-msg-${id}`;
    const edit = h("button", { type: "button", class: "edit", "aria-label": t("connections.editOf", { name }), i18n: "connections.edit" });
    const erase = h("button", { type: "button", class: "erase", "aria-label": t("connections.eraseOf", { name }), i18n: "connections.erase" });
    const actions = h("div", { class: "actions" }, edit, erase);
    item.append(actions, actionMessage(msg));
    erase.addEventListener("click", () => {
      const yes = h("button", { type: "button", class: "danger erase-yes", i18n: "connections.eraseYes" });
      const keep = h("button", { type: "button", class: "erase-keep", i18n: "connections.keep" });
      actions.replaceChildren(h("span", { text: t("connections.eraseAsk", { name }) }), yes, keep);
      yes.focus();
      keep.addEventListener("click", () => draw());
      yes.addEventListener("click", async () => {
        setMessage(msg, t("common.loading"));
        try {
          const done = payloadOf((await op("eraseConnection", { id })).eraseConnection);
          mine = done.connections;
          draw();
          setMessage("connections-message", t("connections.erased", { name }));
          document.getElementById("c-target")?.focus();
        } catch (error) {
          setMessage(msg, (error as Error).message, true);
        }
      });
    });
    edit.addEventListener("click", async () => {
      const v = await vocabulary();
      const form = h(
        "form",
        { class: "tie-edit", novalidate: true },
        field(`e-frequency-${id}`, "connections.frequency", frequencySelect(`e-frequency-${id}`, v.frequencies, tie.frequency)),
        choices(`e-how-${id}`, v.workingWays, tie.how),
        field(`e-since-${id}`, "connections.sinceLabel", h("input", { type: "text", inputmode: "numeric", value: tie.since ?? "", autocomplete: "off" }), "connections.sinceHelp"),
        h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", i18n: "connections.save" }), h("button", { type: "button", class: "cancel", i18n: "connections.cancel" })),
      );
      actions.replaceWith(form);
      form.querySelector<HTMLElement>("select")?.focus();
      form.querySelector(".cancel")!.addEventListener("click", () => draw());
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const input = {
          frequency: (form.querySelector("select") as HTMLSelectElement).value || null,
          how: ticked(form, `e-how-${id}`),
          since: (document.getElementById(`e-since-${id}`) as HTMLInputElement).value.trim() || null,
        };
        setMessage(msg, t("common.loading"));
        const result = (await op("updateConnection", { id, input })).updateConnection;
        if (isFailure(result)) {
          const field = failureField(result);
          if (field === "since" || field === "frequency") showFieldError(`e-${field}-${id}`, result.message);
          setMessage(msg, result.message, true);
          return;
        }
        mine = result.connections;
        draw();
        setMessage("connections-message", t("connections.changed", { name }));
      });
    });
    return item;
  };

  const addForm = (v: { frequencies: Term[]; workingWays: Term[]; relationships: Term[] }): HTMLElement => {
    const target = h("input", { type: "text", autocomplete: "off" });
    const names = h("datalist", { id: "c-target-names" });
    suggestNames(target, names, () => TARGET_KINDS);
    const picks = h("ul", { id: "c-choices", class: "choices-list", hidden: true, "aria-label": t("connections.choose") });
    const kind = h("select", { name: "kind" }, ...KINDS.map((k) => option(k, null, capital(termLabel("relationships", k) ?? k))));
    const form = h(
      "form",
      { id: "add-connection", class: "panel", novalidate: true, "aria-labelledby": "add-heading" },
      h("h2", { id: "add-heading", i18n: "connections.add" }),
      field("c-target", "connections.who", target, "connections.whoHelp"),
      names,
      picks,
      field("c-kind", "connections.kindLabel", kind),
      field("c-frequency", "connections.frequency", frequencySelect("c-frequency", v.frequencies, null)),
      choices("c-how", v.workingWays, []),
      field("c-since", "connections.sinceLabel", h("input", { type: "text", inputmode: "numeric", autocomplete: "off" }), "connections.sinceHelp"),
      h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "add-save", i18n: "connections.addButton" })),
      actionMessage("add-message"),
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      for (const id of Object.values(FIELD_OF)) showFieldError(id, null);
      const text = target.value.trim();
      if (!text) {
        showFieldError("c-target", t("valid.required"));
        target.focus();
        return;
      }
      setMessage("add-message", t("common.loading"));
      try {
        // A person is recorded only when the name is theirs alone: several people share names
        // (five Sarah Murphys in the demo) and a typo must not tie you to someone else.
        const hits = await lookup(text, [...TARGET_KINDS]);
        const folded = text.toLocaleLowerCase();
        const exact = hits.filter((h) => h.name.toLocaleLowerCase() === folded || h.nameCy?.toLocaleLowerCase() === folded);
        if (exact.length !== 1) {
          const offered = (exact.length ? exact : hits).slice(0, 8);
          picks.replaceChildren(...offered.map((hit) => choiceButton(hit)));
          picks.hidden = offered.length === 0;
          showFieldError("c-target", offered.length ? t(exact.length ? "connections.whichOne" : "connections.didYouMean", { name: text }) : t("connections.noSuchName", { name: text }));
          setMessage("add-message", "");
          (picks.querySelector("button") ?? target).focus();
          return;
        }
        await record(exact[0]);
      } catch (error) {
        setMessage("add-message", (error as Error).message, true);
      }
    });
    const record = async (hit: NameHit): Promise<void> => {
      picks.hidden = true;
      picks.replaceChildren();
      showFieldError("c-target", null);
      setMessage("add-message", t("common.loading"));
      try {
        const input = {
          frequency: (document.getElementById("c-frequency") as HTMLSelectElement).value || null,
          how: ticked(form, "c-how"),
          since: (document.getElementById("c-since") as HTMLInputElement).value.trim() || null,
        };
        const result = (await op("recordConnection", { targetId: hit.id, kind: kind.value as ConnectionKind, input })).recordConnection;
        if (isFailure(result)) {
          showFailure(result);
          return;
        }
        mine = result.connections;
        draw();
        setMessage("connections-message", t("connections.added", { name: hitLabel(hit) }));
        document.getElementById("c-target")?.focus();
      } catch (error) {
        setMessage("add-message", (error as Error).message, true);
      }
    };
    const choiceButton = (hit: NameHit): HTMLElement => {
      const button = h("button", { type: "button", class: "choice-hit", "data-id": hit.id, text: `${hitLabel(hit)} — ${describeHit(hit)}` });
      button.addEventListener("click", () => void record(hit));
      return h("li", {}, button);
    };
    return form;
  };

  const draw = (): void => {
    if (!mine || !mine.personId) return;
    const current = mine;
    const viewer = currentViewer();
    const ownTies = current.ties.filter((x) => x.mine);
    const otherTies = current.ties.filter((x) => !x.mine);
    const complete = h("button", { type: "button", id: "connections-complete", i18n: "connections.complete" });
    complete.addEventListener("click", async () => {
      try {
        mine = payloadOf((await op("confirmMyConnections")).confirmMyConnections).connections;
        draw();
        setMessage("connections-message", t("connections.thanks"));
      } catch (error) {
        setMessage("connections-message", (error as Error).message, true);
      }
    });
    const onMap = viewer && READS_MAP.includes(viewer.role)
      ? h("a", { href: `#/leader?focus=${encodeURIComponent(current.personId ?? "")}&name=${encodeURIComponent(current.name ?? "")}`, id: "connections-map", i18n: "connections.onMap" })
      : null;
    void vocabulary().then((v) => {
      slot.replaceChildren(
        h("section", { class: "panel", "aria-labelledby": "mine-h" },
          h("h2", { id: "mine-h", text: t("connections.yours", { name: current.name ?? "" }) }),
          current.generated ? h("p", { class: "notice", id: "connections-generated", i18n: "connections.generatedPerson" }) : null,
          h("p", { id: "connections-state", text: current.confirmedAt ? t("connections.confirmedOn", { date: formatDate(current.confirmedAt) ?? "" }) : t("connections.notConfirmed", { n: ownTies.length }) }),
          h("div", { class: "actions" }, complete, onMap),
          h("h3", { i18n: "connections.recorded" }),
          h("ul", { id: "my-ties", class: "ties" }, ...(ownTies.length ? ownTies.map(tieItem) : [h("li", { class: "empty", i18n: "connections.noneYet" })])),
          otherTies.length ? h("details", { class: "other-ties" }, h("summary", { text: t("connections.others", { n: otherTies.length }) }), h("ul", { id: "other-ties", class: "ties" }, ...otherTies.map(tieItem))) : null,
        ),
        addForm(v),
      );
    });
  };

  const load = async (): Promise<void> => {
    const viewer = currentViewer();
    document.getElementById("connections-key")!.hidden = Boolean(viewer);
    if (!viewer) {
      mine = null;
      slot.replaceChildren();
      return;
    }
    if (!viewer.personId) {
      slot.replaceChildren(h("p", { class: "notice", id: "connections-unlinked", i18n: "connections.notLinked" }));
      return;
    }
    setMessage("connections-message", t("common.loading"));
    try {
      mine = (await op("myConnections")).myConnections;
      setMessage("connections-message", "");
      draw();
    } catch (error) {
      setMessage("connections-message", (error as Error).message, true);
    }
  };

  /** An invitation link: use the code up, keep the key it gives, show it once. */
  const acceptInvite = async (code: string): Promise<void> => {
    window.history.replaceState(null, "", "#/connections"); // the code works once: drop it from the address
    const slotEl = document.getElementById("invite-slot")!;
    slotEl.replaceChildren(h("p", { role: "status", text: t("common.loading") }));
    const result = (await op("acceptInvitation", { code })).acceptInvitation;
    if (isFailure(result)) {
      slotEl.replaceChildren(h("p", { class: "notice error", role: "alert", id: "invite-error", text: result.message }));
      return;
    }
    await signInWithKey(result.key);
    slotEl.replaceChildren(
      h("section", { class: "panel notice", id: "invite-key", "aria-labelledby": "invite-key-h" },
        h("h2", { id: "invite-key-h", text: t("connections.welcome", { name: result.name ?? "" }) }),
        h("p", { i18n: "connections.keyOnce" }),
        field("invite-key-value", "connections.yourKey", h("input", { type: "text", readonly: true, value: result.key })),
      ),
    );
  };

  const code = new URLSearchParams(window.location.hash.split("?")[1] ?? "").get("invite");
  const ready = code ? acceptInvite(code).catch((error: Error) => setMessage("connections-message", error.message, true)) : Promise.resolve();
  void ready.then(load);
  const stopViewer = onViewerChange(() => void load());
  const stopLanguage = onLanguageChange(() => draw());
  return () => {
    stopViewer();
    stopLanguage();
  };
}
