// Words, not codes, on the relationship map: professions, sectors, kinds of service and of
// node, and relationship kinds, each from the served vocabulary in the UI's language.
import { termLabel } from "../api/vocabulary";
import { t, type MessageKey } from "../i18n";

const NODE_KINDS: Record<string, MessageKey> = {
  Person: "nodeKind.Person",
  Organization: "nodeKind.Organization",
  Team: "nodeKind.Team",
  Service: "nodeKind.Service",
  Area: "nodeKind.Area",
  Location: "nodeKind.Location",
};

/** A legend category (a profession, sector, kind of service or kind of node) in words. */
export function categoryLabel(key: string): string {
  return (
    termLabel("professions", key) ??
    termLabel("sectors", key) ??
    termLabel("serviceTypes", key) ??
    (NODE_KINDS[key] ? t(NODE_KINDS[key]) : key)
  );
}

/** A relationship type (REFERS_TO) as words ("refers people to"). */
export function relationshipLabel(type: string): string {
  return termLabel("relationships", type) ?? type.toLowerCase().replace(/_/g, " ");
}
