/**
 * The floor: a page the bench builds itself with bare MapLibre (the same version, from node_modules), the story's
 * basemap data files as the story page loaded them (each its own source, as the files come) and no labels: polygons
 * filled, lines drawn, points (labels) left out. It opens at the camera the story's map settled on, and the bench
 * flies it to each chapter's camera with the story's flight time. Whatever the machine's speed that day, the story's
 * figures are read as a ratio to this one's.
 */

/**
 * @param {{ dataUrls: { url: string, prefix: boolean }[], camera: import('./measure.js').Camera }} options
 * @returns {Promise<{ html: string } | { unsupported: string }>}
 */
export async function buildFloorPage({ dataUrls, camera }) {
	if (!dataUrls.length) return { unsupported: 'the story map loads no data files' };
	// GeoJSON by URL, or inlined by the bundler as a data: URL.
	const tiled = dataUrls.filter((d) => d.prefix || !(d.url.startsWith('data:') || /\.(geo)?json$/i.test(new URL(d.url).pathname)));
	if (tiled.length) return { unsupported: `tiled basemap (${tiled.map((d) => d.url).join(', ')}): the floor page reads GeoJSON only` };

	/** @type {Record<string, unknown>} */
	const sources = {};
	/** @type {unknown[]} */
	const layers = [{ id: 'background', type: 'background', paint: { 'background-color': '#c9dbe6' } }];
	for (const [i, { url }] of dataUrls.entries()) {
		const response = await fetch(url);
		if (!response.ok) return { unsupported: `${url}: ${response.status}` };
		const kinds = geometryKinds(await response.json());
		if (!kinds.polygon && !kinds.line) continue;
		const source = `data-${i}`;
		sources[source] = { type: 'geojson', data: url.startsWith('data:') ? url : new URL(url).pathname };
		if (kinds.polygon)
			layers.push({ id: `${source}-fill`, type: 'fill', source, paint: { 'fill-color': '#f2efe9' } });
		// A line layer would outline polygons too: where a file holds both, it draws the lines only.
		const lines = kinds.polygon ? { filter: ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]] } : {};
		if (kinds.line)
			layers.push({ id: `${source}-line`, type: 'line', source, ...lines, paint: { 'line-color': '#9a8f97', 'line-width': 1 } });
	}
	const style = { version: 8, sources, layers };
	const options = { container: 'map', style, ...camera, renderWorldCopies: false, attributionControl: false };
	const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Floor: bare MapLibre, the story's basemap, no labels</title>
<meta name="description" content="Bench floor page">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/__bench/maplibre-gl.css">
<style>html, body { margin: 0; height: 100%; font-family: sans-serif; } #map { position: absolute; inset: 0; }
p { position: absolute; z-index: 1; margin: 0.5rem; padding: 0.25rem 0.5rem; background: #fff; }</style>
</head>
<body>
<main><p>Bare MapLibre: the story's basemap files, no labels.</p><div id="map" role="region" aria-label="Map"></div></main>
<script type="module">
import * as maplibregl from '/__bench/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/__bench/maplibre-gl-worker.mjs');
new maplibregl.Map(${JSON.stringify(options)});
</script>
</body>
</html>
`;
	return { html };
}

/** Whether a GeoJSON document holds polygons and lines (MapLibre's geometry-type calls Multi* by the simple name). */
function geometryKinds(geojson) {
	const kinds = { polygon: false, line: false };
	const visit = (geometry) => {
		if (!geometry) return;
		if (geometry.type === 'GeometryCollection') geometry.geometries.forEach(visit);
		else if (/Polygon$/.test(geometry.type)) kinds.polygon = true;
		else if (/LineString$/.test(geometry.type)) kinds.line = true;
	};
	if (geojson.type === 'FeatureCollection') for (const feature of geojson.features ?? []) visit(feature.geometry);
	else if (geojson.type === 'Feature') visit(geojson.geometry);
	else visit(geojson);
	return kinds;
}

/**
 * Drives the floor page through the story's chapters: a flight to each camera the story's map settled on, as long as
 * the story's flight took. @returns {import('./drivers.js').Driver}
 */
export function floorDriver(/** @type {import('./measure.js').Phase[]} */ storyPhases) {
	const chapters = storyPhases.slice(1);
	let index = 0;
	return {
		next: async (page) => {
			const chapter = chapters[index++];
			if (!chapter) return undefined;
			const { camera, flightMs } = chapter;
			await page.evaluate(
				({ camera, flightMs }) => {
					const map = window.__benchMaps.maps[0];
					if (flightMs > 0) map.flyTo({ ...camera, duration: flightMs, essential: true });
					else map.jumpTo(camera);
				},
				{ camera, flightMs }
			);
			return chapter.name.replace(/^→ /, '');
		}
	};
}
