// The connector's Leaflet map: optional tiles, local-authority outlines (always, so it is
// useful offline), the searched point and one keyboard-focusable marker per result.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { boundaries } from "./boundaries";
import { mapConfig } from "./config";

export interface MapPoint {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
}

export class AssetMap {
  private map: L.Map | null = null;
  private markers = L.layerGroup();
  private centre = L.layerGroup();
  private outlines: L.GeoJSON | null = null;
  private onPick: (lat: number, lon: number) => void = () => {};
  private onSelect: (id: string) => void = () => {};
  private pending: (() => void)[] = [];

  async mount(container: HTMLElement): Promise<void> {
    const config = await mapConfig();
    const map = L.map(container, { zoomControl: true, attributionControl: Boolean(config.tileUrl) });
    map.setView(config.centre, config.zoom);
    if (config.tileUrl) {
      L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 19 }).addTo(map);
    } else {
      container.classList.add("offline");
    }
    this.markers.addTo(map);
    this.centre.addTo(map);
    map.on("click", (event: L.LeafletMouseEvent) => this.onPick(event.latlng.lat, event.latlng.lng));
    this.map = map;
    for (const draw of this.pending.splice(0)) draw();
    const shapes = await boundaries();
    if (shapes && this.map) {
      this.outlines = L.geoJSON(shapes, {
        style: { color: "#3d5a80", weight: 1.2, fillColor: "#e0e8f0", fillOpacity: 0.35 },
        interactive: false,
      }).addTo(this.map);
      this.outlines.bringToBack();
    }
    container.dataset.boundaries = String(shapes?.features.length ?? 0);
  }

  whenPicked(handler: (lat: number, lon: number) => void): void {
    this.onPick = handler;
  }

  whenSelected(handler: (id: string) => void): void {
    this.onSelect = handler;
  }

  showCentre(lat: number, lon: number, radiusKm: number): void {
    if (!this.map) {
      this.pending.push(() => this.showCentre(lat, lon, radiusKm));
      return;
    }
    this.centre.clearLayers();
    L.circle([lat, lon], { radius: radiusKm * 1000, color: "#1b4965", weight: 1, fill: false, interactive: false })
      .addTo(this.centre);
    L.circleMarker([lat, lon], { radius: 6, color: "#fff", weight: 2, fillColor: "#1b4965", fillOpacity: 1, interactive: false, className: "search-centre" })
      .addTo(this.centre);
  }

  showPoints(points: MapPoint[], fit: boolean): void {
    if (!this.map) {
      this.pending.push(() => this.showPoints(points, fit));
      return;
    }
    this.markers.clearLayers();
    const bounds: L.LatLngExpression[] = [];
    points.forEach((point, index) => {
      const icon = L.divIcon({
        className: "asset-marker",
        html: `<span>${index + 1}</span>`,
        iconSize: [26, 26],
      });
      const marker = L.marker([point.latitude, point.longitude], {
        icon,
        keyboard: true,
        title: point.name,
        alt: point.name,
      });
      marker.on("click", () => this.onSelect(point.id));
      marker.on("keypress", (event: L.LeafletKeyboardEvent) => {
        if (event.originalEvent.key === "Enter") this.onSelect(point.id);
      });
      marker.addTo(this.markers);
      bounds.push([point.latitude, point.longitude]);
    });
    if (fit && bounds.length) this.map.fitBounds(L.latLngBounds(bounds).pad(0.2), { maxZoom: 14, animate: false });
  }

  invalidate(): void {
    this.map?.invalidateSize();
  }
}
