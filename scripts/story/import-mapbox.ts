/**
 * Imports a mapbox/storytelling `config.js` (or one of its MapLibre ports) as a draft story. The file is a script:
 * it is run in an empty `vm` context (no require, no process, no host objects, no eval, a time limit), and only
 * its `config` comes back out, as JSON text. Functions in it come back as markers, never as code to call.
 */
import vm from 'node:vm';
import { htmlToMarkdown } from './html-to-markdown';
import { titleFromId } from './new';
import {
	emptyReport,
	inRange,
	placeholderSource,
	plainLine,
	slugId,
	type Draft,
	type DraftCamera,
	type DraftChapter,
	type DraftSource,
	type ImportReport
} from './import-draft';

const functionMarker = '__story_import_function__';

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
type Config = { [key: string]: Value };

/**
 * Runs the script in a context with nothing in it and returns its `config` as plain data. Accepts `var`/`let`/
 * `const config = …`, `window.config = …`, `module.exports = …` and `export default …`.
 */
export function readConfigScript(source: string, file: string): Config {
	const script = source
		.replace(/^\s*export\s+default\s+/m, 'globalThis.__default__ = ')
		.replace(/^\s*export\s+(const|let|var)\s+/gm, '$1 ')
		.replace(/^\s*export\s*\{[^}]*\};?/gm, '');
	// A null-prototype global: nothing in the context leads back to the host's objects.
	const context = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false }, microtaskMode: 'afterEvaluate' });
	const options = { timeout: 1000, filename: file };
	vm.runInContext('globalThis.window = globalThis; globalThis.self = globalThis; globalThis.module = { exports: {} }; globalThis.exports = globalThis.module.exports; globalThis.mapboxgl = {}; globalThis.maplibregl = {};', context, options);
	try {
		vm.runInContext(script, context, options);
	} catch (error) {
		throw new Error(`${file} could not be read as a story config: ${(error as Error).message}. The importer reads a file that defines \`var config = { … }\`, as mapbox/storytelling's config.js does; it provides no browser or library objects.`);
	}
	const json = vm.runInContext(
		`(() => {
			const found = typeof config !== 'undefined' ? config : globalThis.config ?? globalThis.__default__ ??
				(Object.keys(module.exports).length ? (module.exports.config ?? module.exports) : undefined);
			if (found === undefined || found === null || typeof found !== 'object') return undefined;
			return JSON.stringify(found, (key, value) => typeof value === 'function' ? { ${functionMarker}: String(value).slice(0, 120) } : value);
		})()`,
		context,
		options
	);
	if (typeof json !== 'string') throw new Error(`${file} defines no \`config\` object. A mapbox/storytelling config.js starts with \`var config = {\`.`);
	return JSON.parse(json) as Config;
}

const isObject = (value: Value | undefined): value is { [key: string]: Value } => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFunction = (value: Value | undefined) => isObject(value) && functionMarker in value;
const textOf = (value: Value | undefined) => (typeof value === 'string' ? value.trim() : '');
const numberOf = (value: Value | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** Why a top-level setting of the original has no equivalent here. */
const settingNotes: Record<string, string> = {
	style: 'the map style: this site draws its own basemap from Natural Earth',
	accessToken: 'the map service access token: this site loads nothing from other hosts (the token was not copied)',
	showMarkers: 'markers at each chapter\'s centre: mark what a chapter shows with places (`npm run story:place`)',
	markerColor: 'the marker colour',
	theme: 'the colour theme',
	use3dTerrain: '3D terrain: the map here is flat',
	inset: 'the inset locator map',
	insetOptions: 'the inset locator map\'s options',
	insetPosition: 'the inset locator map\'s position',
	projection: 'the map projection',
	auto: 'automatic play: the kiosk mode (/<lang>/<story>/kiosk/) plays a story by itself',
	alignment: 'the panel alignment',
	toptitle: 'the title above the header',
	logo: 'the logo',
	legend: 'the legend',
	showLegend: 'the legend'
};
const carriedSettings = new Set(['title', 'subtitle', 'byline', 'footer', 'chapters', 'description']);

const chapterNotes: Record<string, string> = {
	alignment: 'panel alignment',
	image: 'image',
	mapAnimation: 'camera animation',
	rotateAnimation: 'rotating camera',
	callback: 'callback',
	onChapterEnter: 'layer changes on entering',
	onChapterExit: 'layer changes on leaving',
	hidden: 'hidden chapter',
	legend: 'legend',
	marker: 'marker',
	video: 'video'
};
const carriedChapterFields = new Set(['id', 'title', 'description', 'location']);

function describeValue(value: Value): string {
	if (isFunction(value)) return 'a function';
	if (typeof value === 'string') return value.length > 60 ? `"${value.slice(0, 57)}…"` : `"${value}"`;
	if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
	if (isObject(value)) return 'settings';
	return String(value);
}

/** onChapterEnter/onChapterExit entries: layer opacity changes. */
function layerChanges(value: Value): string[] {
	if (!Array.isArray(value)) return [describeValue(value)];
	return value.map((step) => {
		if (!isObject(step)) return describeValue(step);
		const duration = numberOf(step.duration);
		return `layer \`${textOf(step.layer) || '?'}\` to opacity ${describeValue(step.opacity ?? null)}${duration !== undefined ? ` over ${duration} ms` : ''}`;
	});
}

/** Links in the footer (`Source: <a href=…>…</a>`) become sources, marked unverified. */
function footerSources(footer: string, taken: Set<string>): DraftSource[] {
	const sources: DraftSource[] = [];
	for (const match of footer.matchAll(/<a\b[^>]*\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a>/gi)) {
		const url = (match[1] ?? match[2] ?? '').trim();
		if (!/^https?:\/\/[^\s/]+/.test(url)) continue;
		const host = new URL(url).hostname.replace(/^www\./, '');
		const title = plainLine(htmlToMarkdown(match[3]).markdown) || host;
		if (/mapbox\.com|github\.com\/mapbox\/storytelling/.test(url)) continue; // the template's own credit
		sources.push({ id: slugId(title, 'source', taken), title, publisher: host, url, unverified: true, note: 'A link in the original\'s footer: confirm it supports the chapters that cite it.' });
	}
	return sources;
}

export function importMapboxConfig(config: Config, file: string, id: string): Draft {
	const report: ImportReport = emptyReport('mapbox/storytelling config', file);
	const sourceIds = new Set<string>([placeholderSource.id]);
	const footer = textOf(config.footer);
	const linked = footerSources(footer, sourceIds);
	const sources = linked.length > 0 ? linked : [placeholderSource];
	const cited = sources.map((s) => s.id);

	for (const [key, value] of Object.entries(config)) {
		if (carriedSettings.has(key)) continue;
		if (value === false || value === '' || value === null || (Array.isArray(value) && value.length === 0)) continue; // off or empty
		report.notCarried.push(`setting \`${key}\` (${key === 'accessToken' ? 'a token' : describeValue(value)}): ${settingNotes[key] ?? 'no equivalent here'}`);
	}
	const footerText = plainLine(htmlToMarkdown(footer).markdown);
	if (footerText) report.notCarried.push(`the footer text: "${footerText}"${linked.length ? ` (its ${linked.length} link${linked.length === 1 ? ' is' : 's are'} now source${linked.length === 1 ? '' : 's'})` : ''}; put what it says in \`credits\` or a chapter`);

	const chapterIds = new Set<string>();
	const chapters: DraftChapter[] = [];
	let lastCamera: DraftCamera | undefined;
	const list = Array.isArray(config.chapters) ? config.chapters : [];
	list.forEach((raw, index) => {
		if (!isObject(raw)) {
			report.notCarried.push(`chapter ${index + 1}: not an object (${describeValue(raw)}), skipped`);
			return;
		}
		const originalId = textOf(raw.id);
		const chapterId = slugId(originalId || textOf(raw.title), `chapter-${index + 1}`, chapterIds);
		const where = `chapter \`${chapterId}\``;
		if (originalId && originalId !== chapterId) report.carried.push(`${where}: id \`${originalId}\` written as \`${chapterId}\` (ids here are lowercase-kebab)`);
		for (const [key, value] of Object.entries(raw)) {
			if (carriedChapterFields.has(key)) continue;
			const empty = value === false || value === '' || value === null || (Array.isArray(value) && value.length === 0);
			if (empty || (key === 'mapAnimation' && value === 'flyTo') || (key === 'alignment' && value === 'left')) continue; // defaults
			const what = chapterNotes[key] ?? `\`${key}\``;
			if (key === 'onChapterEnter' || key === 'onChapterExit') {
				for (const change of layerChanges(value)) report.notCarried.push(`${where}: ${key}: ${change} (this map has no custom layers; a chapter shows places and routes)`);
			} else if (key === 'image') {
				report.notCarried.push(`${where}: image ${describeValue(value)} (the story shows no images)`);
			} else if (key === 'hidden') {
				report.notCarried.push(`${where}: hidden chapter (moves the map without text): imported as an ordinary chapter; merge or remove it`);
			} else {
				report.notCarried.push(`${where}: ${what} (${describeValue(value)}): no equivalent here`);
			}
		}
		const title = textOf(raw.title) || `Chapter ${index + 1}`;
		if (!textOf(raw.title)) report.toCheck.push(`${where}: the original has no title; it is called "${title}"`);
		const converted = htmlToMarkdown(textOf(raw.description));
		for (const dropped of converted.dropped) report.droppedFromText.push(`${where}: ${dropped}`);
		let body = converted.markdown;
		if (!body) {
			body = '*(This chapter has no text yet.)*';
			report.toCheck.push(`${where}: the original has no text; write it`);
		}
		const camera = readLocation(raw.location, where, report) ?? lastCamera;
		if (!raw.location) report.toCheck.push(`${where}: the original has no location; ${lastCamera ? 'the previous chapter\'s camera is used' : 'a world view is used'}`);
		lastCamera = camera;
		chapters.push({ id: chapterId, title, body, places: [], camera: camera ?? { center: [0, 20], zoom: 1 }, sources: cited });
	});
	if (chapters.length === 0) throw new Error(`${file}: \`config.chapters\` holds no chapters to import.`);

	report.carried.push(
		`${chapters.length} chapter${chapters.length === 1 ? '' : 's'}, each with its title, text (HTML turned into Markdown) and camera (\`location\` as an explicit \`camera\`)`,
		...(textOf(config.title) ? ['the title'] : []),
		...(textOf(config.subtitle) ? ['the subtitle, as the summary'] : []),
		...(textOf(config.byline) ? ['the byline, as the credits'] : []),
		...(linked.length ? [`${linked.length} source${linked.length === 1 ? '' : 's'} from the footer's links`] : [])
	);
	if (!textOf(config.title)) report.toCheck.push('the original has no title: write one in `title`');
	if (!textOf(config.subtitle)) report.toCheck.push('the original has no subtitle: write a one-line `summary`');
	if (!textOf(config.byline)) report.toCheck.push('the original has no byline: write the `credits`');
	report.toCheck.push(
		linked.length
			? `every chapter cites the footer's source${linked.length === 1 ? '' : 's'} (${cited.join(', ')}), marked \`unverified: true\`: confirm them, cite the right ones per chapter, then remove the mark`
			: `every chapter cites the placeholder source \`${placeholderSource.id}\` (\`unverified: true\`): the original cites no sources; add the real ones to sources.yaml and cite them`,
		'the chapters frame fixed cameras: to emphasise places instead, add them with `npm run story:place` and list them in `places`'
	);
	return {
		id,
		lang: 'en',
		title: textOf(config.title) || titleFromId(id),
		summary: plainLine(htmlToMarkdown(textOf(config.subtitle)).markdown) || 'Summary to be written.',
		credits: plainLine(htmlToMarkdown(textOf(config.byline)).markdown) || 'Credits to be written.',
		article: cited[0],
		chapters,
		places: [],
		sources,
		report
	};
}

function readLocation(location: Value | undefined, where: string, report: ImportReport): DraftCamera | undefined {
	if (!isObject(location)) return undefined;
	const center = Array.isArray(location.center) ? location.center.map(numberOf) : [];
	const zoom = numberOf(location.zoom);
	let [lon, lat] = center as (number | undefined)[];
	if (isObject(location.center)) [lon, lat] = [numberOf(location.center.lng ?? location.center.lon), numberOf(location.center.lat)];
	if (lon === undefined || lat === undefined || zoom === undefined) {
		report.toCheck.push(`${where}: its location is incomplete (needs center [lng, lat] and zoom); a default view is used`);
		return undefined;
	}
	if (Math.abs(lat) > 90 && Math.abs(lon) <= 90) {
		report.toCheck.push(`${where}: the centre [${lon}, ${lat}] looked swapped (latitude beyond ±90): written as [${lat}, ${lon}]; check it`);
		[lon, lat] = [lat, lon];
	}
	const camera: DraftCamera = {
		center: [inRange(lon, -180, 180, `${where}: longitude`, report), inRange(lat, -90, 90, `${where}: latitude`, report)],
		zoom: inRange(zoom, 0, 24, `${where}: zoom`, report)
	};
	const bearing = numberOf(location.bearing);
	const pitch = numberOf(location.pitch);
	if (bearing) camera.bearing = inRange(bearing, -360, 360, `${where}: bearing`, report);
	if (pitch) camera.pitch = inRange(pitch, 0, 85, `${where}: pitch`, report);
	for (const key of Object.keys(location)) {
		if (!['center', 'zoom', 'bearing', 'pitch'].includes(key)) report.notCarried.push(`${where}: location \`${key}\` (${describeValue(location[key])}): no equivalent here`);
	}
	return camera;
}
