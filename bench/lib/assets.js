/**
 * What the built site weighs, gzipped, split the way the budgets are: what loads before the map library, the map
 * library itself (main chunk + worker + CSS) and the basemap data.
 *
 * The map library is recognised by reading the emitted files (MapLibre's code carries its licence link), not by file
 * names, so it holds whatever Vite names the chunks. What the page loads comes from Lighthouse's network records.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Text found only in MapLibre's code: its licence link (kept in the worker), the class names of its controls and
 * its WebGL help link (kept in the minified main chunk, which loses the licence comment). */
const MAPLIBRE_MARKERS = ['maplibre-gl-js/blob/', 'maplibregl-ctrl-geolocate', 'This_map_requires_WebGL'];
const GEO_DATA = /\.(geojson|topojson|pbf|mvt|pmtiles)$|(^|\/)geo\/.*\.json$|basemap.*\.json$/i;

export const gzipBytes = (buffer) => gzipSync(buffer, { level: 9 }).length;

function walk(dir) {
	const out = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...walk(path));
		else out.push(path);
	}
	return out;
}

/** Share of a stylesheet's bytes in rules whose selectors name MapLibre's classes. */
function mapCssShare(css) {
	let mapBytes = 0;
	for (const match of css.matchAll(/([^{}]+)\{[^{}]*\}/g)) if (match[1].includes('maplibregl')) mapBytes += match[0].length;
	return css.length ? mapBytes / css.length : 0;
}

/**
 * Every file in the build, with its gzip size and what it is.
 * @param {string} buildDir
 * @returns {{ path: string, bytes: number, gzip: number, kind: 'map-library' | 'geo' | 'other' }[]}
 */
export function readBuild(buildDir) {
	if (!existsSync(buildDir)) throw new Error(`${buildDir} does not exist: run npm run build`);
	return walk(buildDir).map((file) => {
		const buffer = readFileSync(file);
		const path = relative(buildDir, file).split(sep).join('/');
		let kind = /** @type {'map-library' | 'geo' | 'other'} */ ('other');
		if (/\.(m?js)$/.test(path)) {
			const text = buffer.toString('utf8');
			if (MAPLIBRE_MARKERS.some((marker) => text.includes(marker))) kind = 'map-library';
		} else if (path.endsWith('.css')) {
			// A stylesheet that is mostly MapLibre's own counts as the library's; page styles that merely include a
			// few map rules count as the page's.
			if (mapCssShare(buffer.toString('utf8')) > 0.6) kind = 'map-library';
		} else if (GEO_DATA.test(path)) kind = 'geo';
		return { path, bytes: buffer.length, gzip: gzipBytes(buffer), kind };
	});
}

/** The build file a request for `url` is served from (or undefined). */
function fileFor(url, origin, files) {
	let u;
	try {
		u = new URL(url);
	} catch {
		return undefined;
	}
	if (u.origin !== origin) return undefined;
	let path = decodeURIComponent(u.pathname).replace(/^\/+/, '');
	if (path === '' || path.endsWith('/')) path += 'index.html';
	return files.find((f) => f.path === path) ?? files.find((f) => f.path === `${path}.html`);
}

/**
 * Splits what the page loaded (one Lighthouse run's network records) into the budget groups.
 * @param {import('./lighthouse.js').NetworkItem[]} requests
 * @param {string} origin
 * @param {ReturnType<typeof readBuild>} files
 */
export function weigh(requests, origin, files) {
	const groups = {
		beforeMap: /** @type {{ path: string, gzip: number }[]} */ ([]),
		mapLibrary: /** @type {{ path: string, gzip: number, unrecorded?: boolean }[]} */ ([]),
		basemap: /** @type {{ path: string, gzip: number }[]} */ ([]),
		fonts: /** @type {{ path: string, gzip: number }[]} */ ([]),
		other: /** @type {{ path: string, gzip: number }[]} */ ([]),
		foreign: /** @type {string[]} */ ([])
	};
	const seen = new Set();
	for (const request of requests) {
		if (/^(data|blob):/.test(request.url)) continue;
		const file = fileFor(request.url, origin, files);
		if (!file) {
			if (!request.url.startsWith(origin)) groups.foreign.push(request.url);
			continue;
		}
		if (seen.has(file.path)) continue;
		seen.add(file.path);
		const entry = { path: file.path, gzip: file.gzip };
		const type = request.resourceType ?? '';
		if (file.kind === 'map-library') groups.mapLibrary.push(entry);
		else if (file.kind === 'geo' || (/\.json$/.test(file.path) && ['Fetch', 'XHR'].includes(type) && !/(^|\/)(_app\/version|__data)\.json$/.test(file.path)))
			groups.basemap.push(entry);
		else if (type === 'Font' || /\.(woff2?|ttf|otf)$/.test(file.path)) groups.fonts.push(entry);
		else if (['Document', 'Script', 'Stylesheet'].includes(type) || /\.(html|m?js|css)$/.test(file.path)) groups.beforeMap.push(entry);
		else groups.other.push(entry);
	}
	// The worker is fetched by the worker itself, where Lighthouse does not record it: library code the page did not
	// visibly request still counts. (Stylesheets it did not request are unused copies and do not.)
	const loadedMapLibrary = groups.mapLibrary.length > 0;
	for (const file of files)
		if (loadedMapLibrary && file.kind === 'map-library' && /\.m?js$/.test(file.path) && !seen.has(file.path))
			groups.mapLibrary.push({ path: file.path, gzip: file.gzip, unrecorded: true });
	const sum = (list) => list.reduce((total, f) => total + f.gzip, 0);
	return {
		beforeMapGzip: sum(groups.beforeMap),
		mapLibraryGzip: sum(groups.mapLibrary),
		basemapGzip: sum(groups.basemap),
		fontsGzip: sum(groups.fonts),
		otherGzip: sum(groups.other),
		files: groups
	};
}
