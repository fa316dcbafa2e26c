// The driver map: Leaflet (vendored under lib/leaflet) behind a tiny interop surface for Find.razor.
// Leaflet is a classic script; it is loaded once, on first use, so other pages never pay for it.
let leafletReady;

function loadLeaflet() {
  if (window.L) {
    return Promise.resolve(window.L);
  }
  // The map measures its container and places its panes by the stylesheet's rules: both must be in before it starts.
  leafletReady ??= Promise.all([
    load('link', { rel: 'stylesheet', href: 'lib/leaflet/leaflet.css' }),
    load('script', { src: 'lib/leaflet/leaflet.js' }),
  ]).then(() => window.L);
  return leafletReady;
}

function load(tag, attributes) {
  return new Promise((resolve, reject) => {
    const element = Object.assign(document.createElement(tag), attributes);
    element.onload = resolve;
    element.onerror = () => reject(new Error(`Leaflet could not be loaded (${attributes.href ?? attributes.src})`));
    document.head.appendChild(element);
  });
}

const maps = new Map();
let nextId = 1;

export async function create(element, options) {
  const L = await loadLeaflet();
  const map = L.map(element, { zoomControl: true, tap: true }).setView([options.lat, options.lng], options.zoom);
  L.tileLayer(options.tileUrl, { attribution: options.attribution, maxZoom: 19 }).addTo(map);
  const id = nextId++;
  maps.set(id, { map, markers: new Map(), you: null });
  return id;
}

function icon(L, availability) {
  return L.divIcon({
    className: `station-marker station-marker--${availability}`,
    html: '<span></span>',
    iconSize: [28, 28],
    iconAnchor: [14, 14],
    popupAnchor: [0, -14],
  });
}

function escapeHtml(text) {
  const div = document.createElement('div');
  div.textContent = text;
  return div.innerHTML;
}

// stations: [{ id, name, lat, lng, availability: 'available'|'busy'|'offline'|'faulted', label, href }]
export function setStations(id, stations, fit) {
  const entry = maps.get(id);
  if (!entry) {
    return;
  }
  const L = window.L;
  const seen = new Set();
  for (const s of stations) {
    seen.add(s.id);
    let marker = entry.markers.get(s.id);
    if (!marker) {
      // Created with its own icon: Leaflet's default one would fetch images from a path it guesses from the stylesheet.
      marker = L.marker([s.lat, s.lng], { icon: icon(L, s.availability), title: s.name, keyboard: true }).addTo(entry.map);
      entry.markers.set(s.id, marker);
    }
    marker.setIcon(icon(L, s.availability));
    marker.setLatLng([s.lat, s.lng]);
    marker.bindPopup(`<a href="${s.href}"><b>${escapeHtml(s.name)}</b></a><br>${escapeHtml(s.label)}`);
    marker.getElement()?.setAttribute('data-station-id', s.id);
    marker.getElement()?.setAttribute('data-availability', s.availability);
  }
  for (const [stationId, marker] of entry.markers) {
    if (!seen.has(stationId)) {
      marker.remove();
      entry.markers.delete(stationId);
    }
  }
  if (fit && stations.length > 0) {
    entry.map.fitBounds(L.latLngBounds(stations.map(s => [s.lat, s.lng])), { padding: [24, 24], maxZoom: 15 });
  }
}

export function showYou(id, lat, lng) {
  const entry = maps.get(id);
  if (!entry) {
    return;
  }
  entry.you?.remove();
  entry.you = window.L.circleMarker([lat, lng], { radius: 8, color: '#1565c0', fillOpacity: 0.8 }).addTo(entry.map);
}

export function dispose(id) {
  maps.get(id)?.map.remove();
  maps.delete(id);
}

// The browser's position, when the driver allows it; null otherwise (denied, unavailable or too slow).
export function locate(timeoutMs) {
  return new Promise(resolve => {
    if (!('geolocation' in navigator)) {
      resolve(null);
      return;
    }
    const timer = setTimeout(() => resolve(null), timeoutMs + 500);
    navigator.geolocation.getCurrentPosition(
      p => { clearTimeout(timer); resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude }); },
      () => { clearTimeout(timer); resolve(null); },
      { enableHighAccuracy: false, timeout: timeoutMs, maximumAge: 60000 });
  });
}
