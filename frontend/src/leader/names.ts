// Names, not ids: a leader types "Clare Road Medical Centre", "Caerdydd" or "GP" and the map
// starts there. `lookup` (GraphQL) answers with ids; the input offers its best matches as
// suggestions and, on submit, the typed name becomes the id of the best match of the kind
// the form asks for.
import { op } from "../api/client";
import { localName, t, type MessageKey } from "../i18n";
import { categoryLabel } from "./labels";
import type { LookupQuery } from "../api/generated/graphql";

export type NameHit = LookupQuery["lookup"][number];

/** Which lookup kinds each start kind accepts ("node" takes anything with a map of its own). */
export const KINDS_FOR: Record<string, string[]> = {
  node: ["person", "organisation", "service", "team"],
  area: ["area"],
  tribe: ["profession"],
  sector: ["sector"],
};

/** How close (0–100) a name must be to stand for what was typed when it is not exact: above
 * 90, because a name that merely contains the typed word scores exactly 90 ("Sale" in
 * "Manordeilo and Salem"), while a typo scores more ("Cardif" for Cardiff: 92). */
const MIN_SIMILARITY = 91;

/** The name to show: the Welsh name where there is one, except an LSOA's, which is a
 * statistical label ("Caerdydd 036B") where the English one is a place ("Adamsdown 2"). */
export const label = (hit: NameHit): string => (hit.detail === "lsoa" ? hit.name : localName(hit));

const KIND_WORDS: Record<string, MessageKey> = {
  person: "nodeKind.Person",
  organisation: "nodeKind.Organization",
  service: "nodeKind.Service",
  team: "nodeKind.Team",
  area: "nodeKind.Area",
  profession: "lookup.profession",
  sector: "lookup.sector",
};

/** What a hit is, in words, to tell same names apart: "nurse, Cwm Garw Practice" for a
 * person; "team, Cardiff" for a team; "service, Cardiff Council" for a service. */
export function describeHit(hit: NameHit): string {
  const what = hit.kind === "person" && hit.detail ? categoryLabel(hit.detail) : KIND_WORDS[hit.kind] ? t(KIND_WORDS[hit.kind]) : categoryLabel(hit.kind);
  // A service's provider often has the service's own name: saying it twice tells nothing.
  return hit.context && hit.context !== hit.name ? `${what}, ${hit.context}` : what;
}

/** A hit's name with what tells it apart: "Sarah Murphy (Nurse, Cwm Garw Practice)". The
 * suggestions offer this form, and a name typed in it picks that one record. */
export function distinctLabel(hit: NameHit): string {
  return `${label(hit)} (${describeHit(hit)})`;
}

/** Whether every hit offered has the very name typed (several share it), not a near one. */
export function sameNames(hits: NameHit[], typed: string): boolean {
  const folded = typed.trim().toLowerCase();
  return hits.length > 1 && hits.every((h) => h.name.toLowerCase() === folded || h.nameCy?.toLowerCase() === folded);
}

/** Whether some record has exactly this id (ids never hold spaces; names mostly do). */
async function isNodeId(text: string): Promise<boolean> {
  const data = await op("serviceDetail", { id: text });
  return data.node.__typename !== "NotFound";
}

/** The best ten matches of the given kinds (the server filters before it takes ten). */
export async function lookup(text: string, kinds: string[] | null = null): Promise<NameHit[]> {
  const data = await op("lookup", { text, first: 10, kinds });
  return data.lookup;
}

/** What the typed text stands for: a record with that id, a hit whose name it is, or a
 * name close enough (typos); otherwise the closest names to offer (possibly none). */
export async function resolveName(text: string, kinds: string[]): Promise<NameHit | NameHit[]> {
  const typed = text.trim();
  // "Sarah Murphy (Nurse, Cwm Garw Practice)", as the suggestions offer it: look up the name.
  const name = typed.replace(/\s*\([^()]*\)\s*$/, "") || typed;
  const hits = await lookup(name, kinds);
  const chosen = hits.find((h) => distinctLabel(h) === typed);
  if (chosen) return chosen;
  const sameName = hits.filter((h) => h.name.toLowerCase() === typed.toLowerCase() || h.nameCy?.toLowerCase() === typed.toLowerCase());
  // An organisation and the service it runs under its own name are one place to a person.
  const organisations = sameName.filter((h) => h.kind === "organisation");
  if (organisations.length === 1 && sameName.every((h) => h.kind === "organisation" || h.kind === "service")) {
    return organisations[0];
  }
  if (sameName.length > 1) return sameName; // several share the name: the person says which
  const folded = typed.toLowerCase();
  const asId: NameHit = { __typename: "LookupHit", context: null, id: typed, name: typed, nameCy: null, kind: "id", detail: null, similarity: 0 };
  const exact =
    hits.find((h) => h.id.toLowerCase() === folded) ??
    hits.find((h) => h.name.toLowerCase() === folded || h.nameCy?.toLowerCase() === folded);
  if (exact) return exact;
  if (!/\s/.test(typed) && (await isNodeId(typed))) return asId; // "gp:W97018", "b-per-0001"
  // A close enough name (typos forgiven); weaker matches are offered, never silently taken.
  return hits.find((h) => h.similarity >= MIN_SIMILARITY) ?? hits.slice(0, 3);
}

/** Offer the best matches as the input's suggestions while the leader types. */
export function suggestNames(input: HTMLInputElement, list: HTMLDataListElement, kinds: () => string[]): void {
  let timer: number | undefined;
  input.setAttribute("list", list.id);
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) return;
    timer = window.setTimeout(async () => {
      try {
        const hits = await lookup(text, kinds());
        list.replaceChildren(...hits.map((h) => Object.assign(document.createElement("option"), { value: distinctLabel(h), label: describeHit(h) })));
      } catch {
        /* suggestions are a help; the submit says what went wrong */
      }
    }, 200);
  });
}
