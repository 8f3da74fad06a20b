// The API key a person pasted: kept in localStorage, sent as `Authorization: Bearer <key>`.
const STORAGE_KEY = "commongraph.apiKey";
const listeners = new Set<() => void>();

export interface Viewer {
  role: string;
  organisationId: string | null;
  /** The organisation's name, for a group editor's key. */
  organisationName: string | null;
  name: string | null;
  /** The person the key stands for (it can record their connections), if any. */
  personId: string | null;
}

let viewer: Viewer | null = null;

export function apiKey(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setApiKey(key: string | null): void {
  try {
    if (key) localStorage.setItem(STORAGE_KEY, key);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    /* private mode */
  }
  if (!key) setViewer(null);
}

export function currentViewer(): Viewer | null {
  return viewer;
}

export function setViewer(next: Viewer | null): void {
  viewer = next;
  for (const listener of listeners) listener();
}

export function onViewerChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
