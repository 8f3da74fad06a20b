// Local-authority outlines from `GET /api/boundaries` (the shared open data), loaded once.
import type { FeatureCollection } from "geojson";

let cached: Promise<FeatureCollection | null> | null = null;

export function boundaries(): Promise<FeatureCollection | null> {
  cached ??= fetch("/api/boundaries")
    .then((r) => (r.ok ? (r.json() as Promise<FeatureCollection>) : null))
    .catch(() => null);
  return cached;
}
