/**
 * Validates a story's files and computes what the browser needs. Pure: takes file texts, returns a Story or
 * throws a StoryValidationError listing every problem as `file:line:col message. hint`.
 */
import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { LineString, Position } from 'geojson';
import { isInCountry, countriesAt, type CountryFeature } from '$lib/geo/countries';
import { describeMapState } from '$lib/geo/describe';
import { frameBounds } from '$lib/geo/framing';
import { computePlaceholders, type TextProblem } from './computed';
import { definedIn, didYouMean, StoryError, StoryValidationError } from './errors';
import { renderMarkdown } from './markdown';
import { errorAt, parseFile, type ParsedFile } from './parse';
import type {
	CameraView,
	Chapter,
	PlaceFeature,
	PlaceKind,
	PlaceProperties,
	Precision,
	RouteFeature,
	RouteProperties,
	Source,
	Story
} from './types';

export type { CountryFeature };

export interface StoryFile {
	/** Shown in messages, relative to the project root: `src/content/story.en.yaml`. */
	path: string;
	text: string;
}

export interface StoryFiles {
	story: StoryFile;
	sources: StoryFile;
	places: StoryFile;
	routeDefs: StoryFile;
	routes: StoryFile;
	/** Natural Earth 1:10m countries (world-atlas countries-10m as GeoJSON features). */
	countries: CountryFeature[];
}

/** Languages the site can publish an edition in. */
export const supportedLangs = ['en', 'es'];

const regenerate = 'Run `npm run geo` to regenerate geo/routes.geojson.';

const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const kinds: PlaceKind[] = ['prison', 'city', 'capital', 'airport', 'detention-centre', 'embassy', 'government', 'military-base'];
const precisions: Precision[] = ['exact', 'site', 'city', 'approximate'];
const modes: RouteProperties['mode'][] = ['flight', 'road', 'proposed', 'return'];
const storyFields = ['id', 'lang', 'title', 'summary', 'credits', 'published', 'article', 'listed', 'chapters'];
const chapterFields = [
	'id', 'title', 'date', 'after-article', 'places', 'routes', 'frame', 'max-zoom',
	'camera', 'map-description', 'dwell', 'sources', 'body'
];
const cameraFields = ['center', 'zoom', 'bearing', 'pitch'];
/** A point may fall this far outside its country's generalised 1:10m outline. */
const countryToleranceKm = 2;

export function validateStory(files: StoryFiles): Story {
	const found: Found = {
		errors: [],
		declared: { place: new Set(), route: new Set(), source: new Set() },
		unreadable: new Set()
	};
	const parsed = {
		story: parseFile(files.story.path, files.story.text),
		sources: parseFile(files.sources.path, files.sources.text),
		places: parseFile(files.places.path, files.places.text),
		routeDefs: parseFile(files.routeDefs.path, files.routeDefs.text),
		routes: parseFile(files.routes.path, files.routes.text)
	};
	// Syntax first: checking the contents of a half-read file would only add misleading errors.
	const syntaxErrors = Object.values(parsed).flatMap((p) => p.errors);
	if (syntaxErrors.length > 0) throw new StoryValidationError(inFileOrder(syntaxErrors));

	const checker = (file: keyof typeof parsed) => new Checker(parsed[file].file, found);
	const sources = readSources(checker('sources'));
	const places = readPlaces(checker('places'), sources, files.countries);
	const routeDefs = readRouteDefs(checker('routeDefs'), places, sources);
	const routes = readRoutes(checker('routes'), checker('routeDefs'), routeDefs, places);
	const story = readStory(checker('story'), sources, places, routes);

	if (found.errors.length > 0 || !story) throw new StoryValidationError(inFileOrder(found.errors));
	return story;
}

type Kind = 'text' | 'number' | 'boolean' | 'list' | 'mapping';
const kindWords: Record<Kind | 'empty' | 'other', string> = {
	text: 'text',
	number: 'a number',
	boolean: 'true or false',
	list: 'a list',
	mapping: 'a mapping',
	empty: 'empty',
	other: 'something else'
};

function kindOf(node: unknown): Kind | 'empty' | 'other' {
	if (isMap(node)) return 'mapping';
	if (isSeq(node)) return 'list';
	if (!isScalar(node)) return 'other';
	const value = node.value;
	if (value === null || value === '') return 'empty';
	if (typeof value === 'string') return 'text';
	if (typeof value === 'number') return 'number';
	if (typeof value === 'boolean') return 'boolean';
	return 'other';
}

interface Options {
	required?: boolean;
	/** How a correct value is written, shown in hints: `title: The offer`. */
	example: string;
}

/** What validation has found so far, shared by the checkers of all files. */
interface Found {
	errors: StoryError[];
	/** Every id defined, valid or not: a reference to an invalid definition is not reported again as unknown. */
	declared: Record<IdKind, Set<string>>;
	/** Kinds whose whole file could not be read: references to them are not reported as unknown. */
	unreadable: Set<IdKind>;
}
type IdKind = keyof typeof definedIn;

function inFileOrder(errors: StoryError[]): StoryError[] {
	return [...errors].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** Reads fields from one file's nodes, reporting problems with that file's positions. */
class Checker {
	constructor(
		readonly file: ParsedFile,
		readonly found: Found
	) {}

	get root(): unknown {
		return this.file.doc.contents;
	}

	/** True when `id` is defined, even with errors of its own. */
	isDeclared(what: IdKind, id: string): boolean {
		return this.found.unreadable.has(what) || this.found.declared[what].has(id);
	}

	error(at: Node | number | null | undefined, message: string, hint = ''): void {
		this.found.errors.push(errorAt(this.file, at, message, hint));
	}

	/** The value node of `key` when it has the expected kind; reports it missing or of the wrong kind otherwise. */
	field(map: YAMLMap, key: string, kind: 'mapping', label: string, options: Options): YAMLMap | undefined;
	field(map: YAMLMap, key: string, kind: 'list', label: string, options: Options): YAMLSeq | undefined;
	field(map: YAMLMap, key: string, kind: Kind, label: string, options: Options): Scalar | undefined;
	field(map: YAMLMap, key: string, kind: Kind, label: string, { required = false, example }: Options): Node | undefined {
		const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
		if (!pair) {
			if (required) this.error(map, `${label}: missing required field \`${key}\``, `Add \`${example}\`.`);
			return undefined;
		}
		const node = pair.value as Node | null;
		const actual = kindOf(node);
		if (actual === kind) return node!;
		const quote = kind === 'text' && isScalar(node) && actual !== 'empty' ? ' Put the value in quotes.' : '';
		this.error(
			node ?? (pair.key as Node),
			`${label}: \`${key}\` must be ${kindWords[kind]}, not ${kindWords[actual]}`,
			`Write it like \`${example}\`.${quote}`
		);
		return undefined;
	}

	text(map: YAMLMap, key: string, label: string, options: Options): { value: string; node: Scalar } | undefined {
		const node = this.field(map, key, 'text', label, options);
		return node && { value: node.value as string, node };
	}

	number(map: YAMLMap, key: string, label: string, options: Options & { min: number; max: number }): number | undefined {
		const node = this.field(map, key, 'number', label, options);
		if (!node) return undefined;
		const value = node.value as number;
		if (value >= options.min && value <= options.max) return value;
		this.error(node, `${label}: \`${key}\` is ${value}, outside ${options.min}…${options.max}`, `Write it like \`${options.example}\`.`);
		return undefined;
	}

	/** A list of ids (strings), each with its node for positions. Required lists must not be empty. */
	ids(map: YAMLMap, key: string, label: string, options: Options): { id: string; node: Scalar }[] | undefined {
		const list = this.field(map, key, 'list', label, options);
		if (!list) return undefined;
		if (options.required && list.items.length === 0) {
			this.error(list, `${label}: \`${key}\` is empty`, `List at least one, like \`${options.example}\`.`);
		}
		return list.items.flatMap((item) => {
			if (kindOf(item) === 'text') return [{ id: (item as Scalar).value as string, node: item as Scalar }];
			this.error(item as Node, `${label}: \`${key}\` must list ids, not ${kindWords[kindOf(item)]}`, `Write it like \`${options.example}\`.`);
			return [];
		});
	}

	/** Text per language (`{ en: …, es: … }`); English is required as every language's fallback. */
	texts(map: YAMLMap, key: string, label: string, options: Options): Record<string, string> | undefined {
		const node = this.field(map, key, 'mapping', label, options);
		if (!node) return undefined;
		const texts: Record<string, string> = {};
		for (const pair of node.items) {
			const lang = String((pair.key as Scalar).value);
			if (kindOf(pair.value) === 'text') texts[lang] = (pair.value as Scalar).value as string;
			else this.error(pair.value as Node, `${label}: \`${key}.${lang}\` must be text, not ${kindWords[kindOf(pair.value)]}`, `Write it like \`${options.example}\`.`);
		}
		if (!('en' in texts)) {
			this.error(node, `${label}: \`${key}\` has no English (\`en\`) text`, `Add it: every language falls back to English, e.g. \`${options.example}\`.`);
			return undefined;
		}
		return texts;
	}

	id(map: YAMLMap, label: string, options: Options, seen: Set<string>): string | undefined {
		const id = this.text(map, 'id', label, { ...options, required: true });
		if (!id) return undefined;
		if (!idPattern.test(id.value)) {
			const suggestion = id.value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
			this.error(id.node, `${label}: id \`${id.value}\` is not lowercase-kebab`, `Use lowercase letters, digits and hyphens, e.g. \`${suggestion}\`.`);
		} else if (seen.has(id.value)) {
			this.error(id.node, `${label}: duplicate id \`${id.value}\``, 'Ids must be unique; rename one of them.');
		}
		seen.add(id.value);
		return id.value;
	}

	rejectUnknownFields(map: YAMLMap, known: string[], label: string): void {
		for (const pair of map.items) {
			const key = String((pair.key as Scalar | null)?.value);
			if (known.includes(key)) continue;
			const hint = didYouMean(key, known) || `Known fields: ${known.join(', ')}.`;
			this.error(pair.key as Node, `${label}: unknown field \`${key}\``, hint);
		}
	}

	/** Checks each id exists; returns the known ones. */
	known<T>(refs: { id: string; node: Scalar }[] | undefined, known: Map<string, T>, label: string, what: IdKind): T[] {
		return (refs ?? []).flatMap(({ id, node }) => {
			const found = known.get(id);
			if (found) return [found];
			if (this.isDeclared(what, id)) return [];
			this.error(node, `${label}: unknown ${what} \`${id}\``, `${didYouMean(id, known.keys())} ${definedIn[what]}`.trim());
			return [];
		});
	}

	/** Reports a problem found inside a text value (placeholder, raw HTML) at its own line and column. */
	textProblem(node: Scalar, value: string, problem: TextProblem, label: string): void {
		if (problem.unknownId && this.isDeclared(problem.unknownId.what, problem.unknownId.id)) return;
		this.error(offsetInFile(this.file, node, value, problem), `${label}: ${problem.message}`, problem.hint);
	}
}

/** File offset of a snippet inside a scalar's value. Escapes and folding change offsets, so the snippet is
 * found again in the scalar's source by counting occurrences. */
function offsetInFile(file: ParsedFile, node: Scalar, value: string, { offset, snippet }: { offset: number; snippet: string }): number {
	const [start, end] = node.range!;
	const occurrence = value.slice(0, offset).split(snippet).length - 1;
	const source = file.text.slice(start, end);
	let index = -1;
	for (let i = 0; i <= occurrence; i++) {
		index = source.indexOf(snippet, index + 1);
		if (index === -1) return start;
	}
	return start + index;
}

function isIsoDate(text: string, allowMonth: boolean): boolean {
	const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
	if (!match || (!match[3] && !allowMonth)) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 1)];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkDate(c: Checker, map: YAMLMap, key: string, label: string, allowMonth: boolean, required = false): string | undefined {
	const date = c.text(map, key, label, { required, example: `${key}: 2025-04-20` });
	if (!date) return undefined;
	if (isIsoDate(date.value, allowMonth)) return date.value;
	c.error(date.node, `${label}: \`${key}\` \`${date.value}\` is not an ISO date`, `Write YYYY-MM-DD${allowMonth ? ' (or YYYY-MM)' : ''}, e.g. \`${key}: 2025-04-20\`.`);
	return undefined;
}

function readSources(c: Checker): Map<string, Source> {
	const sources = new Map<string, Source>();
	if (!isMap(c.root)) {
		c.found.unreadable.add('source');
		c.error(c.root as Node, 'sources file must be a mapping of source ids to sources', 'Write `cnn-2025-04-21:` followed by indented `title:`, `publisher:` and `url:` lines.');
		return sources;
	}
	for (const pair of c.root.items) {
		const id = String((pair.key as Scalar).value);
		c.found.declared.source.add(id);
		const label = `source \`${id}\``;
		if (!isMap(pair.value)) {
			c.error((pair.value ?? pair.key) as Node, `${label} must be a mapping`, 'Give it indented `title:`, `publisher:` and `url:` lines.');
			continue;
		}
		const map = pair.value;
		const title = c.text(map, 'title', label, { required: true, example: 'title: "Headline as published"' });
		const publisher = c.text(map, 'publisher', label, { required: true, example: 'publisher: CNN' });
		const url = c.text(map, 'url', label, { required: true, example: 'url: https://…' });
		if (url && !/^https?:\/\/\S+$/.test(url.value)) c.error(url.node, `${label}: \`url\` is not an http(s) address`, 'Write the full address, starting with https://.');
		const date = checkDate(c, map, 'date', label, true);
		if (title && publisher && url) {
			sources.set(id, { id, title: title.value, publisher: publisher.value, url: url.value, ...(date && { date }) });
		}
	}
	return sources;
}

/** The `features` of a FeatureCollection, or undefined (reported) when the file is not one. */
function featureCollection(c: Checker): YAMLSeq | undefined {
	const root = c.root;
	const type = isMap(root) ? root.get('type') : undefined;
	const features = isMap(root) ? root.get('features') : undefined;
	if (type === 'FeatureCollection' && isSeq(features)) return features;
	c.error(root as Node, 'not a GeoJSON FeatureCollection', 'The file must be `{ "type": "FeatureCollection", "features": [ … ] }`.');
	return undefined;
}

/** A Feature's geometry type and properties, reported when malformed. */
function featureParts(c: Checker, node: unknown, label: string): { geometry: YAMLMap; properties: YAMLMap } | undefined {
	if (!isMap(node) || node.get('type') !== 'Feature') {
		c.error(node as Node, `${label} is not a GeoJSON Feature`, 'Each feature is `{ "type": "Feature", "geometry": …, "properties": … }`.');
		return undefined;
	}
	const geometry = c.field(node, 'geometry', 'mapping', label, { required: true, example: '"geometry": { "type": "Point", "coordinates": [lon, lat] }' });
	const properties = c.field(node, 'properties', 'mapping', label, { required: true, example: '"properties": { "id": … }' });
	return geometry && properties && { geometry, properties };
}

function readPlaces(c: Checker, sources: Map<string, Source>, countries: CountryFeature[]): Map<string, PlaceFeature> {
	const places = new Map<string, PlaceFeature>();
	const countryByName = new Map(countries.map((country) => [country.properties.name, country]));
	const features = featureCollection(c);
	if (!features) c.found.unreadable.add('place');
	features?.items.forEach((node, index) => {
		const parts = featureParts(c, node, `feature ${index + 1}`);
		if (!parts) return;
		const { geometry, properties } = parts;
		const id = c.id(properties, `feature ${index + 1}`, { example: '"id": "cecot"' }, c.found.declared.place);
		const label = id ? `place \`${id}\`` : `feature ${index + 1}`;

		const name = c.texts(properties, 'name', label, { required: true, example: '"name": { "en": "CECOT prison" }' });
		const description = c.texts(properties, 'description', label, { required: true, example: '"description": { "en": "One sentence." }' });
		const kind = oneOf(c, properties, 'kind', kinds, label, '"kind": "prison"');
		const precision = oneOf(c, properties, 'precision', precisions, label, '"precision": "site"');
		const uncertaintyMeters = c.number(properties, 'uncertaintyMeters', label, {
			required: precision === 'approximate',
			example: '"uncertaintyMeters": 1000',
			min: 1,
			max: 1_000_000
		});
		const placeSources = c.known(
			c.ids(properties, 'sources', label, { required: true, example: '"sources": ["wikipedia-cecot"]' }),
			sources, label, 'source'
		);
		const country = c.text(properties, 'country', label, { required: true, example: '"country": "El Salvador"' });
		const countryFeature = country && countryByName.get(country.value);
		if (country && !countryFeature) {
			c.error(country.node, `${label}: unknown country \`${country.value}\``, `${didYouMean(country.value, countryByName.keys())} Name the country as Natural Earth does, e.g. \`United States of America\`.`.trim());
		}
		const toleranceKm = Math.max(countryToleranceKm, (uncertaintyMeters ?? 0) / 1000);
		const inNamedCountry = (point: Position) => !countryFeature || isInCountry(point, countryFeature, toleranceKm);
		const point = readPoint(c, geometry, label);
		const coordinates = point && checkLonLat(c, point.node, point.lonLat, `${label}: coordinates`, inNamedCountry);
		const inCountry = coordinates && countryFeature && checkCountry(c, point.node, coordinates, countryFeature, countries, toleranceKm, label);

		if (!id || !coordinates || !inCountry || !name || !description || !kind || !precision || placeSources.length === 0) return;
		if (precision === 'approximate' && !uncertaintyMeters) return;
		const props: PlaceProperties = {
			id, name, kind, precision, country: country.value, description,
			sources: placeSources.map((s) => s.id),
			...(uncertaintyMeters !== undefined && { uncertaintyMeters })
		};
		places.set(id, { type: 'Feature', geometry: { type: 'Point', coordinates }, properties: props });
	});
	return places;
}

function oneOf<T extends string>(c: Checker, map: YAMLMap, key: string, allowed: T[], label: string, example: string): T | undefined {
	const value = c.text(map, key, label, { required: true, example });
	if (!value) return undefined;
	if ((allowed as string[]).includes(value.value)) return value.value as T;
	c.error(value.node, `${label}: unknown ${key} \`${value.value}\``, `${didYouMean(value.value, allowed)} Use one of: ${allowed.join(', ')}.`.trim());
	return undefined;
}

/** The two numbers of a Point geometry, or undefined (reported). */
function readPoint(c: Checker, geometry: YAMLMap, label: string): { lonLat: [number, number]; node: YAMLSeq } | undefined {
	const type = geometry.get('type');
	if (type !== 'Point') {
		c.error(geometry, `${label}: geometry must be a Point, not ${type ? `a ${type}` : 'untyped'}`, 'A place is one point: `"geometry": { "type": "Point", "coordinates": [longitude, latitude] }`.');
		return undefined;
	}
	const list = c.field(geometry, 'coordinates', 'list', label, { required: true, example: '"coordinates": [-88.8053, 13.5334]' });
	const lonLat = list && twoNumbers(list);
	if (list && !lonLat) c.error(list, `${label}: coordinates must be two numbers, [longitude, latitude]`, 'Write them like `[-88.8053, 13.5334]`.');
	return lonLat && { lonLat, node: list };
}

function twoNumbers(list: YAMLSeq): [number, number] | undefined {
	const numbers = list.items.map((item) => (kindOf(item) === 'number' ? ((item as Scalar).value as number) : NaN));
	return numbers.length === 2 && !numbers.some(Number.isNaN) ? (numbers as [number, number]) : undefined;
}

/** Range check for [lon, lat]. Suggests swapping when the swapped pair is in range and `swappedFits` agrees
 * (for a place: the swapped point is in its country). */
function checkLonLat(
	c: Checker,
	node: Node,
	[lon, lat]: [number, number],
	label: string,
	swappedFits: (point: Position) => boolean
): [number, number] | undefined {
	if (Math.abs(lon) <= 180 && Math.abs(lat) <= 90) return [lon, lat];
	const problem = Math.abs(lat) > 90 ? `latitude ${lat} is beyond ±90` : `longitude ${lon} is beyond ±180`;
	const swapped = Math.abs(lat) <= 180 && Math.abs(lon) <= 90 && swappedFits([lat, lon]);
	c.error(
		node,
		`${label} [${lon}, ${lat}] out of range: ${problem}`,
		swapped
			? `They look swapped: write [longitude, latitude], here [${lat}, ${lon}].`
			: 'Write [longitude, latitude]: longitude within ±180, latitude within ±90.'
	);
	return undefined;
}

function checkCountry(
	c: Checker,
	at: Node,
	[lon, lat]: [number, number],
	country: CountryFeature,
	countries: CountryFeature[],
	toleranceKm: number,
	label: string
): boolean {
	if (isInCountry([lon, lat], country, toleranceKm)) return true;
	const name = country.properties.name;
	if (Math.abs(lon) <= 90 && isInCountry([lat, lon], country, toleranceKm)) {
		c.error(at, `${label}: [${lon}, ${lat}] is not in ${name}`, `The longitude and latitude look swapped: [${lat}, ${lon}] is in ${name}. GeoJSON is [longitude, latitude].`);
		return false;
	}
	const actual = countriesAt([lon, lat], countries, toleranceKm);
	c.error(
		at,
		`${label}: [${lon}, ${lat}] is not in ${name}`,
		actual.length > 0
			? `Natural Earth puts it in ${actual.join(' / ')}: check the coordinates, or set \`"country": "${actual[0]}"\`.`
			: 'It is in no country (at sea?): check the coordinates, which are [longitude, latitude].'
	);
	return false;
}

interface RouteDef {
	properties: RouteProperties;
	node: YAMLMap;
}

function readRouteDefs(c: Checker, places: Map<string, PlaceFeature>, sources: Map<string, Source>): Map<string, RouteDef> {
	const defs = new Map<string, RouteDef>();
	if (!isSeq(c.root)) {
		c.found.unreadable.add('route');
		c.error(c.root as Node, 'route definitions must be a JSON list', 'Write `[{ "id": …, "name": …, "mode": …, "via": […], "sources": […] }]`.');
		return defs;
	}
	c.root.items.forEach((node, index) => {
		if (!isMap(node)) {
			c.error(node as Node, `route ${index + 1} must be an object`, 'Write `{ "id": …, "name": …, "mode": …, "via": […], "sources": […] }`.');
			return;
		}
		const id = c.id(node, `route ${index + 1}`, { example: '"id": "march-flights"' }, c.found.declared.route);
		const label = id ? `route \`${id}\`` : `route ${index + 1}`;
		const name = c.texts(node, 'name', label, { required: true, example: '"name": { "en": "Deportation flights" }' });
		const mode = oneOf(c, node, 'mode', modes, label, '"mode": "flight"');
		const viaRefs = c.ids(node, 'via', label, { required: true, example: '"via": ["harlingen-airport", "sal-airport"]' });
		const via = c.known(viaRefs, places, label, 'place');
		if (viaRefs && viaRefs.length < 2) c.error(node.get('via', true) as Node, `${label}: \`via\` needs at least two places`, 'List where the route starts and ends, and any stops between, in order.');
		const routeSources = c.known(c.ids(node, 'sources', label, { required: true, example: '"sources": ["popular-information"]' }), sources, label, 'source');
		if (!id || !name || !mode || !viaRefs || via.length !== viaRefs.length || via.length < 2 || routeSources.length === 0) return;
		const properties = { id, name, mode, via: via.map((p) => p.properties.id), sources: routeSources.map((s) => s.id) };
		defs.set(id, { properties, node });
	});
	return defs;
}

/** Routes from the generated routes.geojson, checked against route-defs.json and the places they pass through.
 * A route missing from routes.geojson is reported in route-defs.json (`defsChecker`), where it was added or renamed. */
function readRoutes(c: Checker, defsChecker: Checker, defs: Map<string, RouteDef>, places: Map<string, PlaceFeature>): Map<string, RouteFeature> {
	const routes = new Map<string, RouteFeature>();
	const features = featureCollection(c);
	if (!features) return routes;
	const generatedIds = new Set<unknown>();
	features.items.forEach((node, index) => {
		const parts = featureParts(c, node, `feature ${index + 1}`);
		if (!parts) return;
		const id = parts.properties.get('id');
		generatedIds.add(id);
		const label = `route \`${id}\``;
		if (typeof id !== 'string' || !c.found.declared.route.has(id)) {
			c.error(node as Node, `${label} is not in geo/route-defs.json`, `The file is out of date. ${regenerate}`);
			return;
		}
		const def = defs.get(id);
		if (!def) return; // its definition has errors, reported there
		const generated = parts.properties.toJSON() as Record<string, unknown>;
		const changed = (['name', 'mode', 'via', 'sources'] as const).filter(
			(key) => JSON.stringify(generated[key]) !== JSON.stringify(def.properties[key])
		);
		if (changed.length > 0) {
			const fields = changed.map((key) => `\`${key}\``).join(', ');
			c.error(parts.properties, `${label} is out of date: ${fields} differ from geo/route-defs.json`, regenerate);
			return;
		}
		const geometry = parts.geometry.toJSON() as LineString;
		if (geometry.type !== 'LineString' || !Array.isArray(geometry.coordinates)) {
			c.error(parts.geometry, `${label}: geometry must be a LineString`, regenerate);
			return;
		}
		const missed = firstMissedStop(geometry.coordinates, def.properties.via, places);
		if (missed) {
			c.error(parts.geometry, `${label} is out of date: its line does not pass through \`${missed}\``, `A place moved since the routes were generated. ${regenerate}`);
			return;
		}
		routes.set(def.properties.id, { type: 'Feature', geometry, properties: def.properties });
	});
	for (const [id, def] of defs) {
		if (!generatedIds.has(id)) defsChecker.error(def.node, `route \`${id}\` is missing from geo/routes.geojson`, regenerate);
	}
	return routes;
}

/** The first via place the line does not pass through in order (within about 500 m of a vertex). A line that
 * crosses the 180° meridian runs on past ±180°, so longitudes are compared modulo 360°. */
function firstMissedStop(line: Position[], via: string[], places: Map<string, PlaceFeature>): string | undefined {
	const near = ([x, y]: Position, [lon, lat]: Position) => Math.abs((((x - lon) % 360) + 540) % 360 - 180) < 0.005 && Math.abs(y - lat) < 0.005;
	let vertex = 0;
	for (const id of via) {
		const place = places.get(id)!.geometry.coordinates;
		while (vertex < line.length && !near(line[vertex], place)) vertex++;
		if (vertex === line.length) return id;
	}
	return undefined;
}

function readStory(
	c: Checker,
	sources: Map<string, Source>,
	places: Map<string, PlaceFeature>,
	routes: Map<string, RouteFeature>
): Story | undefined {
	const root = c.root;
	if (!isMap(root)) {
		c.error(root as Node, 'the story file must be a mapping', 'Start with `id:`, `lang:`, `title:` … lines; see docs/story-format.md.');
		return undefined;
	}
	const label = 'story';
	c.rejectUnknownFields(root, storyFields, label);
	const id = c.text(root, 'id', label, { required: true, example: 'id: 252-for-252' });
	if (id && !idPattern.test(id.value)) c.error(id.node, `story id \`${id.value}\` is not lowercase-kebab`, 'Use lowercase letters, digits and hyphens.');
	const lang = readLang(c, root);
	const title = c.text(root, 'title', label, { required: true, example: 'title: "252 for 252"' });
	const summary = c.text(root, 'summary', label, { required: true, example: 'summary: One line under the title.' });
	const credits = c.text(root, 'credits', label, { required: true, example: 'credits: Text and map by …' });
	const published = checkDate(c, root, 'published', label, false, true);
	const listed = c.field(root, 'listed', 'boolean', label, { example: 'listed: false' });
	const articleId = c.text(root, 'article', label, { required: true, example: 'article: cnn-2025-04-21' });
	const [article] = c.known(articleId && [{ id: articleId.value, node: articleId.node }], sources, label, 'source');

	const chapterList = c.field(root, 'chapters', 'list', label, { required: true, example: 'chapters: followed by `- id: the-offer` items' });
	if (chapterList && chapterList.items.length === 0) c.error(chapterList, 'the story has no chapters', 'Add at least one chapter under `chapters:`.');
	const chapterIds = new Set<string>();
	const chapters = (chapterList?.items ?? []).flatMap((node, index) => {
		if (isMap(node)) return readChapter(c, node, index, chapterIds, lang ?? 'en', sources, places, routes) ?? [];
		c.error(node as Node, `chapter ${index + 1} must be a mapping`, 'Start it with `- id: …` and indent its fields below.');
		return [];
	});

	if (!id || !lang || !title || !summary || !credits || !published || !article || !chapterList) return undefined;
	const withLabel = <P extends { name: Record<string, string> }>(properties: P) => ({ ...properties, label: properties.name[lang] ?? properties.name.en });
	return {
		id: id.value,
		lang,
		title: title.value,
		summary: summary.value,
		credits: credits.value,
		article,
		published,
		listed: listed?.value !== false,
		chapters,
		sources: citedSources(article, chapters, places, routes, sources),
		places: { type: 'FeatureCollection', features: [...places.values()].map((p) => ({ ...p, properties: withLabel(p.properties) })) },
		routes: { type: 'FeatureCollection', features: [...routes.values()].map((r) => ({ ...r, properties: withLabel(r.properties) })) }
	};
}

/** `lang` must be supported and match the file name (`story.<lang>.yaml`). */
function readLang(c: Checker, root: YAMLMap): string | undefined {
	const lang = c.text(root, 'lang', 'story', { required: true, example: 'lang: en' });
	if (!lang) return undefined;
	if (!supportedLangs.includes(lang.value)) {
		c.error(lang.node, `story: unknown \`lang\` \`${lang.value}\``, `${didYouMean(lang.value, supportedLangs)} Use a language code the site supports: ${supportedLangs.join(', ')}.`.trim());
		return undefined;
	}
	const fromFileName = /story\.([^./]+)\.yaml$/.exec(c.file.path)?.[1];
	if (fromFileName && fromFileName !== lang.value) {
		c.error(lang.node, `story: \`lang\` is \`${lang.value}\` but the file is named for \`${fromFileName}\``, `Set \`lang: ${fromFileName}\` or rename the file to story.${lang.value}.yaml.`);
		return undefined;
	}
	return lang.value;
}

function readChapter(
	c: Checker,
	map: YAMLMap,
	index: number,
	chapterIds: Set<string>,
	lang: string,
	sources: Map<string, Source>,
	places: Map<string, PlaceFeature>,
	routes: Map<string, RouteFeature>
): Chapter | undefined {
	const id = c.id(map, `chapter ${index + 1}`, { example: 'id: the-offer' }, chapterIds);
	const label = id ? `chapter \`${id}\`` : `chapter ${index + 1}`;
	c.rejectUnknownFields(map, chapterFields, label);
	const title = c.text(map, 'title', label, { required: true, example: 'title: The offer' });
	const date = checkDate(c, map, 'date', label, true);
	const afterArticle = c.field(map, 'after-article', 'boolean', label, { example: 'after-article: true' });
	const placeRefs = c.ids(map, 'places', label, { example: 'places: [cecot, caracas]' }) ?? [];
	const routeRefs = c.ids(map, 'routes', label, { example: 'routes: [proposed-swap]' }) ?? [];
	const frameRefs = c.ids(map, 'frame', label, { example: 'frame: [cecot, caracas]' });
	const placeIds = c.known(placeRefs, places, label, 'place').map((p) => p.properties.id);
	const routeIds = c.known(routeRefs, routes, label, 'route').map((r) => r.properties.id);
	const frame = frameRefs && knownFrame(c, frameRefs, label, places, routes);
	const maxZoom = c.number(map, 'max-zoom', label, { example: 'max-zoom: 8', min: 0, max: 24 });
	const camera = readCamera(c, map, label);
	const dwell = c.number(map, 'dwell', label, { example: 'dwell: 25', min: 1, max: 3600 });
	const chapterSources = c.known(c.ids(map, 'sources', label, { required: true, example: 'sources: [cnn-2025-04-21]' }), sources, label, 'source');
	const body = c.text(map, 'body', label, { required: true, example: 'body: |  (then the Markdown, indented)' });
	const prose = body && readProse(c, body.node, body.value, label, places, routes, lang);
	const authorDescription = c.text(map, 'map-description', label, { example: 'map-description: The map shows …' });

	const mapState = {
		places: placeIds,
		routes: routeIds,
		frame: frame ?? [...placeIds, ...routeIds],
		...(camera && { camera }),
		...(maxZoom !== undefined && { maxZoom })
	};
	if (!map.has('camera') && (frameRefs ?? [...placeRefs, ...routeRefs]).length === 0) {
		c.error(map, `${label}: the map has nothing to frame`, 'Add `places`, `routes` or `frame`, or set a `camera`.');
	}
	if (!id || !title || !prose || chapterSources.length === 0 || (!camera && mapState.frame.length === 0)) return undefined;

	const placeList = [...places.values()];
	const routeList = [...routes.values()];
	const bounds = camera ? undefined : frameBounds(mapState.frame, placeList, routeList);
	const description = authorDescription && computed(c, authorDescription.node, authorDescription.value, label, places, routes, lang);
	return {
		id,
		title: title.value,
		...(date && { date }),
		afterArticle: afterArticle?.value === true,
		html: prose.html,
		text: prose.text,
		map: { ...mapState, ...(bounds && { bounds }) },
		mapDescription: description ?? describeMapState(mapState, placeList, routeList, lang),
		mapDescriptionByAuthor: description !== undefined,
		sources: chapterSources,
		...(dwell !== undefined && { dwell })
	};
}

/** The frame's ids that can be framed; unknown ones are reported. */
function knownFrame(
	c: Checker,
	refs: { id: string; node: Scalar }[],
	label: string,
	places: Map<string, PlaceFeature>,
	routes: Map<string, RouteFeature>
): string[] {
	const placeOrRoute = new Set([...places.keys(), ...routes.keys()]);
	return refs.flatMap(({ id, node }) => {
		if (placeOrRoute.has(id)) return [id];
		if (c.isDeclared('place', id) || c.isDeclared('route', id)) return [];
		c.error(node, `${label}: unknown place or route \`${id}\` in \`frame\``, `${didYouMean(id, placeOrRoute)} ${definedIn.place} ${definedIn.route}`.trim());
		return [];
	});
}

function readCamera(c: Checker, map: YAMLMap, label: string): CameraView | undefined {
	const camera = c.field(map, 'camera', 'mapping', label, { example: 'camera: { center: [-80, 15], zoom: 3.2 }' });
	if (!camera) return undefined;
	c.rejectUnknownFields(camera, cameraFields, `${label} camera`);
	const centerNode = c.field(camera, 'center', 'list', label, { required: true, example: 'center: [-80, 15]' });
	const lonLat = centerNode && twoNumbers(centerNode);
	if (centerNode && !lonLat) {
		c.error(centerNode, `${label}: camera \`center\` must be two numbers, [longitude, latitude]`, 'Write it like `center: [-80, 15]`.');
	}
	const center = lonLat && checkLonLat(c, centerNode!, lonLat, `${label}: camera center`, () => true);
	const zoom = c.number(camera, 'zoom', label, { required: true, example: 'zoom: 3.2', min: 0, max: 24 });
	const bearing = c.number(camera, 'bearing', label, { example: 'bearing: 0', min: -360, max: 360 });
	const pitch = c.number(camera, 'pitch', label, { example: 'pitch: 0', min: 0, max: 85 });
	if (!center || zoom === undefined) return undefined;
	return { center, zoom, ...(bearing !== undefined && { bearing }), ...(pitch !== undefined && { pitch }) };
}

/** Placeholders replaced with figures; problems reported at their place in the file. */
function computed(
	c: Checker,
	node: Scalar,
	text: string,
	label: string,
	places: Map<string, PlaceFeature>,
	routes: Map<string, RouteFeature>,
	lang: string
): string {
	const result = computePlaceholders(text, places, routes, lang);
	for (const problem of result.problems) c.textProblem(node, text, problem, label);
	return result.text;
}

function readProse(
	c: Checker,
	node: Scalar,
	markdown: string,
	label: string,
	places: Map<string, PlaceFeature>,
	routes: Map<string, RouteFeature>,
	lang: string
): { html: string; text: string } {
	const withFigures = computed(c, node, markdown, label, places, routes, lang);
	const rendered = renderMarkdown(withFigures);
	const lineStarts = [0, ...[...withFigures.matchAll(/\n/g)].map((m) => m.index! + 1)];
	for (const { snippet, line } of rendered.rawHtml) {
		const offset = withFigures.indexOf(snippet, lineStarts[line]);
		c.textProblem(node, withFigures, {
			offset: Math.max(offset, 0),
			snippet,
			message: `raw HTML \`${snippet}\` in the body`,
			hint: 'Raw HTML is refused: use Markdown (**bold**, *italic*, [text](https://…), > quote) instead.'
		}, label);
	}
	return { html: rendered.html, text: rendered.text };
}

/** Every source cited: the article, then chapters', places' and routes' sources, in first-cited order. */
function citedSources(
	article: Source,
	chapters: Chapter[],
	places: Map<string, PlaceFeature>,
	routes: Map<string, RouteFeature>,
	sources: Map<string, Source>
): Source[] {
	const ids = [
		article.id,
		...chapters.flatMap((chapter) => chapter.sources.map((s) => s.id)),
		...[...places.values()].flatMap((p) => p.properties.sources),
		...[...routes.values()].flatMap((r) => r.properties.sources)
	];
	return [...new Set(ids)].map((id) => sources.get(id)!);
}
