// For a leader: how complete the relationship picture is — per team and per local authority,
// how many people have recorded their connections — and an invitation link for each member
// of a team, to send them (each link works once, for 30 days, and is shown only now).
import { op, payloadOf } from "../api/client";
import type { GroupCompletenessFieldsFragment, InviteTeamMutation } from "../api/generated/graphql";
import { t, type MessageKey } from "../i18n";
import { actionMessage, formatDate, h, setMessage } from "../ui/dom";

type Group = GroupCompletenessFieldsFragment;
type Invited = Extract<InviteTeamMutation["inviteTeam"], { __typename: "TeamInvited" }>;

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function download(name: string, rows: string[][]): void {
  const blob = new Blob([rows.map((r) => r.map(csvCell).join(",")).join("\n") + "\n"], { type: "text/csv" });
  const a = h("a", { href: URL.createObjectURL(blob), download: name });
  a.click();
  URL.revokeObjectURL(a.href);
}

function table(id: string, caption: MessageKey, groups: Group[], invite: ((g: Group) => void) | null): HTMLElement {
  const heads: MessageKey[] = ["survey.col.name", "survey.col.area", "survey.col.people", "survey.col.answered", "survey.col.share", "survey.col.invited"];
  return h(
    "table",
    { id, class: "survey-table" },
    h("caption", { i18n: caption }),
    h("thead", {}, h("tr", {}, ...heads.map((k) => h("th", { scope: "col", i18n: k })), invite ? h("th", { scope: "col", i18n: "survey.col.action" }) : null)),
    h(
      "tbody",
      {},
      ...groups.map((g) => {
        const button = invite ? h("button", { type: "button", class: "invite", "aria-label": t("survey.inviteTeam", { name: g.name ?? g.id }), i18n: "survey.invite" }) : null;
        button?.addEventListener("click", () => invite?.(g));
        return h(
          "tr",
          { "data-id": g.id },
          h("th", { scope: "row", text: g.name ?? g.id }),
          h("td", { text: g.area ?? "" }),
          h("td", { text: String(g.people) }),
          h("td", { text: String(g.answered) }),
          h("td", { text: percent(g.share) }),
          h("td", { text: String(g.invited) }),
          button ? h("td", {}, button) : null,
        );
      }),
    ),
  );
}

function invitationList(invited: Invited): HTMLElement {
  const base = `${window.location.origin}${window.location.pathname}`;
  const sendable = invited.invitations.filter((i) => i.link);
  const rows = sendable.map((i) => [i.name ?? i.personId, `${base}${i.link}`]);
  const save = h("button", { type: "button", id: "invite-csv", i18n: "survey.csv" });
  save.addEventListener("click", () => download(`invitations-${invited.teamId.replace(/[^\w-]+/g, "_")}.csv`, [[t("survey.col.name"), t("survey.col.link")], ...rows]));
  const already = invited.invitations.length - sendable.length;
  return h(
    "section",
    { id: "invitations", class: "panel", "aria-labelledby": "invitations-h" },
    h("h3", { id: "invitations-h", tabindex: -1, text: t("survey.invited", { team: invited.teamName ?? invited.teamId, n: sendable.length }) }),
    h("p", { class: "notice", text: t("survey.sendOnce", { date: formatDate(invited.expiresAt) ?? "" }) }),
    already ? h("p", { text: t("survey.alreadyKeys", { n: already }) }) : null,
    h("div", { class: "actions" }, save),
    h("ul", { class: "invitation-links" }, ...rows.map(([name, link]) => h("li", {}, h("strong", { text: name }), " ", h("code", { text: link })))),
  );
}

/** The survey panel: a leader loads it on demand (it counts every team and authority). */
export function surveySection(): HTMLElement {
  const slot = h("div", { id: "survey-tables" });
  const invitations = h("div", { id: "survey-invitations" });
  const show = h("button", { type: "button", id: "survey-load", i18n: "survey.load" });
  const section = h(
    "section",
    { class: "panel survey", "aria-labelledby": "survey-heading" },
    h("h2", { id: "survey-heading", i18n: "survey.heading" }),
    h("p", { class: "intro", i18n: "survey.intro" }),
    h("div", { class: "actions" }, show),
    actionMessage("survey-message"),
    invitations,
    slot,
  );
  const invite = async (g: Group): Promise<void> => {
    setMessage("survey-message", t("common.loading"));
    try {
      const invited = payloadOf((await op("inviteTeam", { teamId: g.id })).inviteTeam);
      invitations.replaceChildren(invitationList(invited));
      setMessage("survey-message", "");
      document.getElementById("invitations-h")?.focus();
      await load();
    } catch (error) {
      setMessage("survey-message", (error as Error).message, true);
    }
  };
  const load = async (): Promise<void> => {
    setMessage("survey-message", t("common.loading"));
    try {
      const found = (await op("connectionCompleteness")).connectionCompleteness;
      const answered = found.teams.reduce((n, g) => n + g.answered, 0);
      const people = found.teams.reduce((n, g) => n + g.people, 0);
      setMessage("survey-message", t("survey.summary", { answered, people, teams: found.teams.length }));
      slot.replaceChildren(
        table("survey-teams", "survey.teams", found.teams, (g) => void invite(g)),
        table("survey-areas", "survey.areas", found.areas, null),
      );
    } catch (error) {
      setMessage("survey-message", (error as Error).message, true);
    }
  };
  show.addEventListener("click", () => void load());
  return section;
}
