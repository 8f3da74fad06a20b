// The product's vocabularies (needs, service kinds, days, accessibility...) from
// GET /api/vocabulary: one source for ids and their English and Welsh labels, so the UI never
// shows or asks for a raw id. Their types are generated from the server's OpenAPI document
// (./generated/rest.ts).
import { language, nameTermsWith } from "../i18n";
import { getJson } from "./client";
import type { TermOut as Term, VocabularyOut as Vocabulary } from "./generated/rest";

export type { Term, Vocabulary };

let loading: Promise<Vocabulary> | null = null;
let loaded: Vocabulary | null = null;

/** The vocabularies, fetched once per page. */
export function vocabulary(): Promise<Vocabulary> {
  loading ??= getJson<Vocabulary>("/api/vocabulary").then((v) => (loaded = v));
  return loading;
}

/** The vocabularies once fetched (null before). */
export function loadedVocabulary(): Vocabulary | null {
  return loaded;
}

/** A term's label in the current language, or null when the vocabulary has no such term. */
export function termLabel(list: keyof Vocabulary, id: string | null | undefined): string | null {
  const term = id ? loaded?.[list].find((entry) => entry.id === id) : undefined;
  return term ? term[language()] : null;
}

nameTermsWith((list, id) => (loaded && list in loaded ? termLabel(list as keyof Vocabulary, id) : null));
