// Local-authority outlines from `GET /api/boundaries` (the shared open data), loaded once.
// Each feature's properties are the server's declared shape (../api/generated/rest.ts).
import type { FeatureCollection, Geometry } from "geojson";
import type { BoundaryProperties } from "../api/generated/rest";

/** The local authorities: a GeoJSON FeatureCollection with code, name and Welsh name. */
export type Boundaries = FeatureCollection<Geometry, BoundaryProperties>;

let cached: Promise<Boundaries | null> | null = null;

export function boundaries(): Promise<Boundaries | null> {
  cached ??= fetch("/api/boundaries")
    .then((r) => (r.ok ? (r.json() as Promise<Boundaries>) : null))
    .catch(() => null);
  return cached;
}
