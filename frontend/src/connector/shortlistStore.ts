// The connector's working shortlist, kept in localStorage so it survives a reload.
export interface ShortlistEntry {
  id: string;
  name: string;
  /** its Welsh name, where it has one (shown to a Welsh reader: see `localName`) */
  nameCy?: string | null;
}

const STORAGE_KEY = "commongraph.shortlist";
const listeners = new Set<() => void>();

export function entries(): ShortlistEntry[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "[]") as unknown;
    return Array.isArray(parsed) ? (parsed as ShortlistEntry[]) : [];
  } catch {
    return [];
  }
}

function save(list: ShortlistEntry[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
  } catch {
    /* private mode */
  }
  for (const listener of listeners) listener();
}

export function has(id: string): boolean {
  return entries().some((e) => e.id === id);
}

export function add(entry: ShortlistEntry): void {
  if (!has(entry.id)) save([...entries(), entry]);
}

export function remove(id: string): void {
  save(entries().filter((e) => e.id !== id));
}

export function onShortlistChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
