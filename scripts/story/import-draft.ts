/**
 * What an importer makes of another tool's story before it is written: chapters, places and sources in this
 * project's terms, and a report of everything the original held that the story does not. `writeDraft` turns it
 * into a story folder (story.<lang>.yaml, sources.yaml, places.geojson, route-defs.json, routes.geojson) and
 * IMPORT-REPORT.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { countriesAt } from '$lib/geo/countries';
import { naturalEarthCountries, shownPath, storyIdPattern } from './folder';
import { lookUp } from './gazetteer';
import { emptyRoutes, schemaComment } from './new';
import { placeFeature } from './place-file';

export interface DraftCamera {
	center: [number, number];
	zoom: number;
	bearing?: number;
	pitch?: number;
}

export interface DraftChapter {
	id: string;
	title: string;
	body: string;
	date?: string;
	places: string[];
	maxZoom?: number;
	camera?: DraftCamera;
	sources: string[];
}

export interface DraftPlace {
	id: string;
	name: string;
	lonLat: [number, number];
	kind: string;
	precision: string;
	country: string;
	description: string;
	sources: string[];
}

export interface DraftSource {
	id: string;
	title: string;
	publisher: string;
	url: string;
	/** True for what the import could not confirm: a placeholder, or a link read from the original. */
	unverified: boolean;
	/** Why it is unverified, written as a comment above it. */
	note: string;
}

export interface ImportReport {
	/** What the original was: "mapbox/storytelling config.js". */
	format: string;
	file: string;
	/** What was carried over, one line each. */
	carried: string[];
	/** Features of the original with no equivalent here, one line each, with where they were. */
	notCarried: string[];
	/** What was left out of the prose (unsafe or not shown), with the chapter. */
	droppedFromText: string[];
	/** What the author must check or fill before publishing. */
	toCheck: string[];
}

export interface Draft {
	id: string;
	lang: string;
	title: string;
	summary: string;
	credits: string;
	article: string;
	chapters: DraftChapter[];
	places: DraftPlace[];
	sources: DraftSource[];
	report: ImportReport;
}

/** The source every chapter cites when the original cites none: to be replaced by the author. */
export const placeholderSource: DraftSource = {
	id: 'source-to-be-filled',
	title: 'Source to be filled in',
	publisher: 'To be filled in',
	url: 'https://example.org/source-to-be-filled',
	unverified: true,
	note: 'Placeholder added by story:import because the original cited no source here. Replace it with the real source, and cite it where it applies, before publishing.'
};

export function emptyReport(format: string, file: string): ImportReport {
	return { format, file, carried: [], notCarried: [], droppedFromText: [], toCheck: [] };
}

/** A lowercase-kebab id from any text, unique among `taken` (which it joins). */
export function slugId(text: string, fallback: string, taken: Set<string>): string {
	const base = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '') || fallback;
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	taken.add(id);
	return id;
}

/** Plain text of a Markdown paragraph, for one-line fields (summary, credits). */
export function plainLine(markdown: string): string {
	return markdown.replace(/\\([\\`*_[\]<>{}|#+\-.)])/g, '$1').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*`]/g, '').replace(/\s+/g, ' ').trim();
}

/** Clamps a number into range, noting it in the report when it had to change. */
export function inRange(value: number, min: number, max: number, what: string, report: ImportReport): number {
	if (value >= min && value <= max) return value;
	const clamped = Math.min(max, Math.max(min, value));
	report.notCarried.push(`${what} ${value} is outside ${min}…${max} here: set to ${clamped}`);
	return clamped;
}

/**
 * A place for a point the original marked, named `name`: its country from Natural Earth's outlines (undefined when
 * the point lies in no country, e.g. at sea), its kind from a gazetteer entry of the same name nearby.
 */
export function placeAt(lonLat: [number, number], name: string, id: string, sources: string[], report: ImportReport): DraftPlace | undefined {
	const country = countriesAt(lonLat, naturalEarthCountries(), 2)[0];
	if (!country) return undefined;
	const near = lookUp(name).candidates.find((c) => c.kind !== 'country' && Math.abs(c.lonLat[0] - lonLat[0]) < 0.3 && Math.abs(c.lonLat[1] - lonLat[1]) < 0.3);
	const kind = near?.kind ?? 'city';
	if (!near) report.toCheck.push(`place \`${id}\` ("${name}"): its kind is a guess (\`city\`) and its precision \`site\`; set what it is (prison, city, capital, airport, detention-centre, embassy, government, military-base) and how exactly it is known (exact, site, city, or approximate with uncertaintyMeters)`);
	return {
		id,
		name,
		lonLat: lonLat.map((v) => Math.round(v * 1e5) / 1e5) as [number, number],
		kind,
		precision: kind === 'airport' ? 'site' : near ? 'city' : 'site',
		country,
		description: `${name}, ${country}.`,
		sources
	};
}

const quote = (text: string) => JSON.stringify(text);
const flowList = (ids: string[]) => `[${ids.join(', ')}]`;

/** A Markdown body as a YAML literal block, indented under `body: |`. */
function literal(text: string, indent: string): string {
	return text.split('\n').map((line) => (line ? indent + line : '')).join('\n');
}

export function storyYaml(draft: Draft): string {
	const lines = [
		schemaComment,
		`# Imported by story:import from ${path.basename(draft.report.file)}: read IMPORT-REPORT.md, then set \`listed: true\` to publish.`,
		`id: ${draft.id}`,
		`lang: ${draft.lang}`,
		`title: ${quote(draft.title)}`,
		`summary: ${quote(draft.summary)}`,
		`credits: ${quote(draft.credits)}`,
		`published: ${new Date().toISOString().slice(0, 10)}`,
		`article: ${draft.article}`,
		'listed: false',
		'chapters:'
	];
	for (const chapter of draft.chapters) {
		lines.push(`  - id: ${chapter.id}`, `    title: ${quote(chapter.title)}`);
		if (chapter.date) lines.push(`    date: ${chapter.date}`);
		if (chapter.places.length > 0) lines.push(`    places: ${flowList(chapter.places)}`);
		if (chapter.maxZoom !== undefined) lines.push(`    max-zoom: ${chapter.maxZoom}`);
		if (chapter.camera) {
			const { center, zoom, bearing, pitch } = chapter.camera;
			lines.push('    camera:', `      center: [${center.join(', ')}]`, `      zoom: ${zoom}`);
			if (bearing) lines.push(`      bearing: ${bearing}`);
			if (pitch) lines.push(`      pitch: ${pitch}`);
		}
		lines.push(`    sources: ${flowList(chapter.sources)}`, '    body: |', literal(chapter.body, '      '), '');
	}
	return lines.join('\n');
}

export function sourcesYaml(sources: DraftSource[]): string {
	const lines = ['# Every source the story, its places or its routes cite, by id. Sources marked `unverified: true` came from', '# the import: confirm or replace each one, then remove the mark.'];
	for (const s of sources) {
		// The note is a comment: it is for the author, and no validator has to know it.
		lines.push('', ...(s.note ? [`# ${s.note}`] : []), `${s.id}:`, `  title: ${quote(s.title)}`, `  publisher: ${quote(s.publisher)}`, `  url: ${quote(s.url)}`);
		if (s.unverified) lines.push('  unverified: true');
	}
	return lines.join('\n') + '\n';
}

export function reportMarkdown(draft: Draft): string {
	const { report } = draft;
	const section = (title: string, items: string[], none: string) => [`## ${title}`, '', ...(items.length ? items.map((item) => `- ${item}`) : [none]), ''];
	return [
		`# Import report: ${draft.id}`,
		'',
		`Imported from \`${path.basename(report.file)}\` (${report.format}) with \`npm run story:import\`. The story is a draft`,
		'(`listed: false`): it builds, but the index does not show it until you set `listed: true` in its story file.',
		'',
		...section('Carried over', report.carried, 'Nothing.'),
		...section('Not carried over: no equivalent in this project', report.notCarried, 'Nothing: every feature of the original has an equivalent.'),
		...section('Left out of the text', report.droppedFromText, 'Nothing: the text carried over whole.'),
		...section('To check before publishing', report.toCheck, 'Nothing.')
	].join('\n');
}

/** Writes the draft as a story folder under `root`; refuses an existing folder. Returns the folder. */
export function writeDraft(root: string, draft: Draft): string {
	if (!storyIdPattern.test(draft.id)) throw new Error(`\`${draft.id}\` cannot be a story id: use lowercase letters, digits and single hyphens.`);
	const dir = path.join(root, draft.id);
	if (fs.existsSync(dir)) throw new Error(`${shownPath(dir)} already exists. Import under another --id, or remove that folder first.`);
	const cited = new Set([draft.article, ...draft.chapters.flatMap((c) => c.sources), ...draft.places.flatMap((p) => p.sources)]);
	const sources = draft.sources.filter((s) => cited.has(s.id));
	const places = { type: 'FeatureCollection', features: draft.places.map((p) => placeFeature({ ...p })) };
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, `story.${draft.lang}.yaml`), storyYaml(draft));
	fs.writeFileSync(path.join(dir, 'sources.yaml'), sourcesYaml(sources));
	fs.writeFileSync(path.join(dir, 'places.geojson'), JSON.stringify(places, null, 2) + '\n');
	fs.writeFileSync(path.join(dir, 'route-defs.json'), '[]\n');
	fs.writeFileSync(path.join(dir, 'routes.geojson'), emptyRoutes);
	fs.writeFileSync(path.join(dir, 'IMPORT-REPORT.md'), reportMarkdown(draft));
	return dir;
}
