// Runtime configuration: `window.COMMONGRAPH_CONFIG` (set by a script before the app) or
// `/config.json` beside index.html (shipped empty: edit dist/config.json, or public/config.json
// before a build). Default: no tile server, so the map works offline.
export interface MapConfig {
  tileUrl: string | null;
  tileAttribution: string;
  centre: [number, number];
  zoom: number;
}

declare global {
  interface Window {
    COMMONGRAPH_CONFIG?: Partial<MapConfig>;
  }
}

const DEFAULTS: MapConfig = {
  tileUrl: null,
  tileAttribution: "",
  centre: [52.3, -3.6], // Wales
  zoom: 7,
};

let loaded: Promise<MapConfig> | null = null;

export function mapConfig(): Promise<MapConfig> {
  loaded ??= (async () => {
    let file: Partial<MapConfig> = {};
    try {
      const response = await fetch("/config.json", { cache: "no-cache" });
      if (response.ok) file = (await response.json()) as Partial<MapConfig>;
    } catch {
      /* no config file: defaults */
    }
    return { ...DEFAULTS, ...file, ...(window.COMMONGRAPH_CONFIG ?? {}) };
  })();
  return loaded;
}
