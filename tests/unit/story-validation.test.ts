import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { computePlaceholders } from '$lib/story/computed';
import { StoryError, StoryValidationError } from '$lib/story/errors';
import { editions, loadStory } from '$lib/story/load.server';
import { renderMarkdown } from '$lib/story/markdown';
import { validateStory, type CountryFeature, type StoryFile, type StoryFiles } from '$lib/story/validate';
import type { PlaceFeature, RouteFeature } from '$lib/story/types';
import { PLACE_KINDS, ROUTE_KINDS, SETTLEMENT_KINDS } from '$lib/story/vocabulary.js';
import { countryName } from '$lib/geo/countries';
import { ROUTE_LAYERS } from '$lib/map/route-layers';
import { uiKeys, uiPhraseParams, uiText } from '$lib/ui-text';

const topology = JSON.parse(fs.readFileSync('node_modules/world-atlas/countries-10m.json', 'utf8')) as Topology<{
	countries: GeometryCollection<{ name: string }>;
}>;
const countries = feature(topology, topology.objects.countries).features as CountryFeature[];

const VALID = 'tests/fixtures/valid/';
const BROKEN = 'tests/fixtures/broken/';
const read = (path: string) => ({ path, text: fs.readFileSync(path, 'utf8') });
/** File name suffix → the StoryFiles entry it replaces. */
const roles = {
	'story.en.yaml': 'story',
	'sources.yaml': 'sources',
	'places.geojson': 'places',
	'route-defs.json': 'routeDefs',
	'routes.geojson': 'routes',
	'place-kinds.yaml': 'placeKinds'
} as const;

function validFiles(): StoryFiles {
	const files = Object.fromEntries(Object.entries(roles).map(([name, role]) => [role, read(VALID + name)]));
	return { ...files, countries } as StoryFiles;
}

/** The valid fixture with one file replaced by `broken/<case>.<file name>`. */
function withBroken(brokenName: string): StoryFiles {
	const suffix = brokenName.slice(brokenName.indexOf('.') + 1) as keyof typeof roles;
	return { ...validFiles(), [roles[suffix]]: read(BROKEN + brokenName) };
}

type Role = (typeof roles)[keyof typeof roles];

/** The valid fixture with edits in one file: each `[from, to]` replaces the first `from`, which must be there. */
function edited(role: Role, ...edits: [string, string][]): StoryFiles {
	const files = validFiles();
	const file = files[role]!;
	let text = file.text;
	for (const [from, to] of edits) {
		if (!text.includes(from)) throw new Error(`${file.path} has no \`${from}\``);
		text = text.replace(from, to);
	}
	return { ...files, [role]: { ...file, text } };
}

/** `path:line:col` of the first `snippet` in a file, as messages give it. */
function at(file: StoryFile, snippet: string): string {
	const before = file.text.slice(0, file.text.indexOf(snippet)).split('\n');
	return `${file.path}:${before.length}:${before.at(-1)!.length + 1}`;
}

function problems(files: StoryFiles): string[] {
	try {
		validateStory(files);
	} catch (error) {
		if (error instanceof StoryValidationError) return error.errors.map(String);
		throw error;
	}
	return [];
}

describe('a valid story', () => {
	const story = validateStory(validFiles());
	const [offer, flights, residence] = story.chapters;

	it('reads the story fields and chapters', () => {
		expect(story).toMatchObject({ id: 'fixture-story', lang: 'en', title: '252 for 252', published: '2026-11-26' });
		expect(story.article?.publisher).toBe('CNN');
		expect(story.chapters.map((c) => c.id)).toEqual(['the-offer', 'the-flights', 'the-residence']);
		expect(offer).toMatchObject({ date: '2025-04-20', afterArticle: false, mapDescriptionByAuthor: false });
		expect(flights.date).toBe('2025-03');
		expect(residence).toMatchObject({ afterArticle: true, dwell: 20 });
	});

	it('renders Markdown with computed figures; links get rel="noopener" and open normally', () => {
		expect(offer.html).toContain('2,405 km home');
		expect(offer.html).toContain('<a href="https://edition.cnn.com/" rel="noopener">CNN reported</a>');
		expect(offer.html).not.toContain('target=');
		expect(offer.html).toContain('<blockquote>');
		expect(offer.text).toBe('Bukele offered to send the prisoners 2,405 km home, CNN reported.\n\n"have committed no crime"');
		expect(flights.html).toBe('<p>The flights flew <strong>1,867 km</strong>.</p>\n');
	});

	it('computes bounds unless a camera is set', () => {
		expect(offer.map.frame).toEqual(['cecot', 'caracas', 'proposed-swap']);
		expect(offer.map.bounds).toEqual([-88.8053, 10.4806, -66.9036, 13.5334]);
		expect(flights.map.maxZoom).toBe(6);
		expect(residence.map.camera).toEqual({ center: [-66.85, 10.47], zoom: 12 });
		expect(residence.map.bounds).toBeUndefined();
	});

	it('generates map descriptions unless the author wrote one (with placeholders computed)', () => {
		expect(offer.mapDescription).toBe(
			'The map shows CECOT prison in El Salvador and Caracas, Venezuela. ' +
				'A dashed line marks the proposed route “Proposed exchange” from CECOT prison to Caracas, 2,405 km.'
		);
		expect(flights).toMatchObject({ mapDescription: 'Three flights, 1,867 km each.', mapDescriptionByAuthor: true });
		expect(residence.mapDescription).toBe(
			'The map shows the Argentine ambassador’s residence in Venezuela (approximate location, within about 1 km).'
		);
	});

	it('resolves sources, in first-cited order, and labels', () => {
		expect(offer.sources.map((s) => s.id)).toEqual(['cnn-2025-04-21']);
		expect(story.sources.map((s) => s.id)).toEqual(['cnn-2025-04-21', 'popular-information', 'wikipedia-cecot', 'wikipedia-caracas']);
		const cecot = story.places.features.find((p) => p.properties.id === 'cecot')!;
		expect(cecot.properties.label).toBe('CECOT prison');
		expect(story.routes.features.map((r) => r.properties.label)).toEqual(['Proposed exchange', 'Deportation flights, 15 March 2025']);
	});

	it('resolves labels and figures for a Spanish edition, falling back to English names', () => {
		const english = read(VALID + 'story.en.yaml').text;
		const spanish = validateStory({ ...validFiles(), story: { path: 'stories/fixture-story/story.es.yaml', text: english.replace('lang: en', 'lang: es') } });
		const label = (id: string) => spanish.places.features.find((p) => p.properties.id === id)!.properties.label;
		expect(label('cecot')).toBe('CECOT');
		expect(label('caracas')).toBe('Caracas');
		expect(spanish.chapters[0].html).toContain('2.405 km home');
	});
});

describe('story errors name the file, line and column, what is wrong and what to do', () => {
	const cases: [string, string[]][] = [
		['yaml-syntax.story.en.yaml', ['3:20 YAML syntax error: Missing closing "quote. Check indentation and quoting near here: text containing `: ` or ` #`, or starting with a special character such as `[`, `{`, `*`, `&` or `@`, must be quoted.']],
		['missing-field.story.en.yaml', ['20:5 chapter `the-flights`: missing required field `title`. Add `title: The first day`.']],
		['wrong-type.story.en.yaml', ['12:13 chapter `the-offer`: `places` must be a list, not text. Write it like `places: [harbour, old-town]`.']],
		['duplicate-chapter.story.en.yaml', ['20:9 chapter 2: duplicate id `the-offer`. Ids must be unique; rename one of them.']],
		['bad-chapter-id.story.en.yaml', ['20:9 chapter 2: id `The_Flights` is not lowercase-kebab. Use lowercase letters, digits and hyphens, e.g. `the-flights`.']],
		['unknown-place.story.en.yaml', ['12:14 chapter `the-offer`: unknown place `cecott`. Did you mean `cecot`? Places are defined in places.geojson in the story\'s folder.']],
		[
			'unknown-route.story.en.yaml',
			[
				'14:20 chapter `the-offer`: unknown place or route `caracass` in `frame`. Did you mean `caracas`? Places are defined in places.geojson in the story\'s folder. Routes are defined in route-defs.json in the story\'s folder.',
				'25:14 chapter `the-flights`: unknown route `march-flight`. Did you mean `march-flights`? Routes are defined in route-defs.json in the story\'s folder.'
			]
		],
		['unknown-placeholder.story.en.yaml', ['17:7 chapter `the-offer`: unknown place `caracs` in `{{distance cecot caracs}}`. Did you mean `caracas`? Places are defined in places.geojson in the story\'s folder.']],
		['unknown-source.story.en.yaml', ['27:15 chapter `the-flights`: unknown source `popular-info`. Sources are defined in sources.yaml in the story\'s folder.']],
		['chapter-without-sources.story.en.yaml', ['27:14 chapter `the-flights`: `sources` is empty. List at least one, like `sources: [wikipedia-harbour]`.']],
		['camera-swapped.story.en.yaml', ['34:15 chapter `the-residence`: camera center [10.47, -96.85] out of range: latitude -96.85 is beyond ±90. They look swapped: write [longitude, latitude], here [-96.85, 10.47].']],
		['unknown-lang.story.en.yaml', ['2:7 story: `lang`: `english` is not a language tag. Use a BCP 47 language tag such as `en`, `es`, `ja`, `pt-BR` or `zh-Hant`.']],
		['bad-date.story.en.yaml', ['11:11 chapter `the-offer`: `date` `20 April 2025` is not an ISO date. Write YYYY-MM-DD (or YYYY-MM), e.g. `date: 2025-04-20`.']],
		['unknown-field.story.en.yaml', ['26:5 chapter `the-flights`: unknown field `map_description`. Did you mean `map-description`?']],
		[
			'raw-html.story.en.yaml',
			[
				'17:40 chapter `the-offer`: raw HTML `<b>` in the body. Raw HTML is refused: use Markdown (**bold**, *italic*, [text](https://…), > quote) instead.',
				'19:7 chapter `the-offer`: raw HTML `<div class="quote">no crime</div>` in the body. Raw HTML is refused: use Markdown (**bold**, *italic*, [text](https://…), > quote) instead.'
			]
		],
		['json-syntax.places.geojson', ["24:9 JSON syntax error: Expected ',' or '}' after property value. Check for a missing or extra comma, quote or bracket here or just before (JSON allows no trailing commas or comments)."]],
		['trailing-comma.places.geojson', ['28:7 JSON syntax error: Expected double-quoted property name. Check for a missing or extra comma, quote or bracket here or just before (JSON allows no trailing commas or comments).']],
		['not-feature-collection.places.geojson', ['1:1 not a GeoJSON FeatureCollection. The file must be `{ "type": "FeatureCollection", "features": [ … ] }`.']],
		['non-point.places.geojson', ['45:19 place `palmerola`: geometry must be a Point, not a LineString. A place is one point: `"geometry": { "type": "Point", "coordinates": [longitude, latitude] }`.']],
		['coordinates-out-of-range.places.geojson', ['19:53 place `caracas`: coordinates [-66.9036, 100.4806] out of range: latitude 100.4806 is beyond ±90. Write [longitude, latitude]: longitude within ±180, latitude within ±90.']],
		['swapped-coordinates.places.geojson', ['6:53 place `cecot`: [13.5334, -88.8053] is not in El Salvador. The longitude and latitude look swapped: [-88.8053, 13.5334] is in El Salvador. GeoJSON is [longitude, latitude].']],
		['wrong-country.places.geojson', ['19:53 place `caracas`: [-66.9036, 10.4806] is not in Colombia. Natural Earth puts it in Venezuela: check the coordinates, or set `"country": "VE"`.']],
		['unknown-country.places.geojson', ['51:20 place `palmerola`: unknown country `Hondura`. Did you mean `Honduras`? Give its ISO 3166-1 alpha-2 code, e.g. `"country": "FJ"`, or its name as Natural Earth writes it.']],
		['approximate-without-uncertainty.places.geojson', ['72:21 place `argentine-residence`: missing required field `uncertaintyMeters`. Add `"uncertaintyMeters": 1000`.']],
		['place-without-sources.places.geojson', ['27:20 place `caracas`: `sources` is empty. List at least one, like `"sources": ["wikipedia-harbour"]`.']],
		['unknown-via.route-defs.json', ['6:22 route `proposed-swap`: unknown place `caracs`. Did you mean `caracas`? Places are defined in places.geojson in the story\'s folder.']]
	];
	it.each(cases)('%s', (brokenName, expected) => {
		expect(problems(withBroken(brokenName))).toEqual(expected.map((e) => `${BROKEN}${brokenName}:${e}`));
	});

	it('reports a route missing from routes.geojson in route-defs.json', () => {
		expect(problems(withBroken('missing-route.routes.geojson'))).toEqual([
			`${VALID}route-defs.json:9:3 route \`march-flights\` is missing from routes.geojson. Run \`npm run geo\` to regenerate routes.geojson in the story\'s folder.`
		]);
	});

	it('reports a route line with a broken position where it is, instead of failing on it later', () => {
		const files = edited('routes', ['[-88.45395,13.49902]', '[-88.45395]']);
		expect(problems(files)).toEqual([
			`${at(files.routes, '{"type":"LineString"')} route \`proposed-swap\`: geometry must be a LineString of two or more [longitude, latitude] positions. Run \`npm run geo\` to regenerate routes.geojson in the story's folder.`
		]);
	});

	it('reports routes.geojson out of date with route-defs.json or with a moved place', () => {
		expect(problems(withBroken('stale-via.route-defs.json'))).toEqual([
			`${VALID}routes.geojson:3:32 route \`march-flights\` is out of date: \`via\` differ from route-defs.json. Run \`npm run geo\` to regenerate routes.geojson in the story\'s folder.`
		]);
		expect(problems(withBroken('moved-place.places.geojson'))).toEqual([
			`${VALID}routes.geojson:2:173 route \`proposed-swap\` is out of date: its line does not pass through \`cecot\`. A place moved since the routes were generated. Run \`npm run geo\` to regenerate routes.geojson in the story\'s folder.`
		]);
	});

	it('reports a lang that does not match the file name', () => {
		const story = read(VALID + 'story.en.yaml').text;
		expect(problems({ ...validFiles(), story: { path: 'stories/fixture-story/story.es.yaml', text: story } })).toEqual([
			'stories/fixture-story/story.es.yaml:2:7 story: `lang` is `en` but the file is named for `es`. Set `lang: es` or rename the file to story.en.yaml.'
		]);
	});

	it('throws one error whose message starts with every file:line:col line', () => {
		const files = withBroken('unknown-route.story.en.yaml');
		expect(() => validateStory(files)).toThrow(StoryValidationError);
		try {
			validateStory(files);
		} catch (error) {
			const lines = (error as Error).message.split('\n');
			expect(lines[0]).toMatch(/^tests\/fixtures\/broken\/unknown-route\.story\.en\.yaml:14:20 /);
			expect(lines[1]).toMatch(/^tests\/fixtures\/broken\/unknown-route\.story\.en\.yaml:25:14 /);
		}
	});

	it('formats one error as `file:line:col message. hint`', () => {
		const error = new StoryError('stories/fixture-story/story.en.yaml', 42, 14, 'chapter `cecot`: unknown place `cecott`', 'Did you mean `cecot`?');
		expect(String(error)).toBe('stories/fixture-story/story.en.yaml:42:14 chapter `cecot`: unknown place `cecott`. Did you mean `cecot`?');
	});
});

describe('markdown', () => {
	it('refuses raw HTML, reporting each opening tag or block with its line', () => {
		const { rawHtml } = renderMarkdown('One <span>two</span>\nthree <em>four</em>\n\n<script>alert(1)</script>\n\n<!-- note -->');
		expect(rawHtml).toEqual([
			{ snippet: '<span>', line: 0 },
			{ snippet: '<em>', line: 1 },
			{ snippet: '<script>alert(1)</script>', line: 3 },
			{ snippet: '<!-- note -->', line: 5 }
		]);
	});

	it('never outputs raw HTML even when the caller ignores the report', () => {
		expect(renderMarkdown('a <b>b</b>').html).toBe('<p>a &lt;b&gt;b&lt;/b&gt;</p>\n');
	});

	it('produces plain text', () => {
		expect(renderMarkdown('**Bold** and *it*,\n`code` [link](https://example.org)\n\n- one\n- two').text).toBe(
			'Bold and it, code link\n\none\n\ntwo'
		);
	});
});

describe('computed placeholders', () => {
	const point = (id: string, coordinates: number[]) =>
		({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties: { id } }) as PlaceFeature;
	const places = new Map([
		['cecot', point('cecot', [-88.8053, 13.5334])],
		['caracas', point('caracas', [-66.9036, 10.4806])]
	]);
	const route = {
		type: 'Feature',
		geometry: { type: 'LineString', coordinates: [[-88.8053, 13.5334], [-66.9036, 10.4806]] },
		properties: { id: 'swap' }
	} as RouteFeature;
	const routes = new Map([['swap', route]]);

	it('replaces distance and length with formatted figures', () => {
		expect(computePlaceholders('{{distance cecot caracas}} / {{ length swap }}', places, routes, 'en').text).toBe('2,405 km / 2,405 km');
		expect(computePlaceholders('{{distance cecot caracas}}', places, routes, 'es').text).toBe('2.405 km');
	});

	it('reports unknown ids and placeholders with their offset', () => {
		const { problems } = computePlaceholders('ok {{distance cecot cecott}} {{lenght swap}}', places, routes, 'en');
		expect(problems).toEqual([
			{
				offset: 3,
				snippet: '{{distance cecot cecott}}',
				message: 'unknown place `cecott` in `{{distance cecot cecott}}`',
				hint: 'Did you mean `cecot`? Places are defined in places.geojson in the story\'s folder.',
				unknownId: { what: 'place', id: 'cecott' }
			},
			{
				offset: 29,
				snippet: '{{lenght swap}}',
				message: 'unknown placeholder `{{lenght swap}}`',
				hint: 'Write `{{distance place-a place-b}}` or `{{length route-id}}`.'
			}
		]);
	});
});

describe('the vocabulary of kinds', () => {
	it('is one list the style draws and the descriptions use', () => {
		expect(Object.keys(ROUTE_LAYERS).sort()).toEqual([...ROUTE_KINDS].sort());
		expect(SETTLEMENT_KINDS.every((kind) => (PLACE_KINDS as readonly string[]).includes(kind))).toBe(true);
	});

	it('draws a neutral kind as itself and a story kind as the neutral kind it declares', () => {
		const story = validateStory(edited('places', ['"kind": "capital"', '"kind": "town"']));
		const place = (id: string) => story.places.features.find((p) => p.properties.id === id)!.properties;
		expect(place('caracas')).toMatchObject({ kind: 'town', drawAs: 'town' });
		expect(place('cecot')).toMatchObject({ kind: 'prison', drawAs: 'building' });
		// A town is a settlement: "Caracas, Venezuela", not "Caracas in Venezuela".
		expect(story.chapters[0].mapDescription).toContain('Caracas, Venezuela');
	});

	it('locates an unknown kind and names the kinds to choose from', () => {
		const files = edited('places', ['"kind": "prison"', '"kind": "prisn"']);
		expect(problems(files)).toEqual([
			`${at(files.places, '"prisn"')} place \`cecot\`: unknown kind \`prisn\`. Did you mean \`prison\`? ` +
				`Use one of the engine's kinds (${PLACE_KINDS.join(', ')}), or the story's own (prison, embassy), or declare it in place-kinds.yaml in the story's folder.`
		]);
	});

	it('locates a declaration that redefines a neutral kind or draws as an unknown one', () => {
		const files = edited('placeKinds', ['embassy:', 'city:\n  draws-as: town\n  label: { en: city }\nembassy:'], ['draws-as: building\n  label: { en: embassy }', 'draws-as: office\n  label: { en: embassy }']);
		expect(problems(files)).toEqual([
			`${at(files.placeKinds!, 'city:')} place kind \`city\` is already one of the engine's kinds. Remove it here: places can use it as it is.`,
			`${at(files.placeKinds!, 'office')} place kind \`embassy\`: unknown draws-as \`office\`. It is drawn as one of the engine's kinds: ${PLACE_KINDS.join(', ')}.`
		]);
	});
});

describe('countries', () => {
	it('are given by ISO code or Natural Earth name, and kept as the code', () => {
		const story = validateStory(validFiles());
		const country = (id: string) => story.places.features.find((p) => p.properties.id === id)!.properties.country;
		expect(country('caracas')).toBe('VE'); // written "VE"
		expect(country('palmerola')).toBe('HN'); // written "Honduras"
	});

	it('are named for readers in their language, never by a Natural Earth abbreviation', () => {
		expect(countryName('US', 'en')).toBe('United States');
		expect(countryName('US', 'es')).toBe('Estados Unidos');
		expect(countryName('FJ', 'ja')).toBe('フィジー');
		expect(countryName('UM', 'en')).not.toBe('U.S. Minor Outlying Is.');
	});

	it('locates a code no country has, and one written in small letters', () => {
		const unknown = edited('places', ['"country": "VE"', '"country": "VZ"']);
		expect(problems(unknown)).toEqual([
			`${at(unknown.places, '"VZ"')} place \`caracas\`: unknown country \`VZ\`. No country has the code \`VZ\`. Give its ISO 3166-1 alpha-2 code, e.g. \`"country": "FJ"\`, or its name as Natural Earth writes it.`
		]);
		const lower = edited('places', ['"country": "VE"', '"country": "ve"']);
		expect(problems(lower)).toEqual([`${at(lower.places, '"ve"')} place \`caracas\`: unknown country \`ve\`. Did you mean \`VE\`? Codes are written in capitals.`]);
	});

	it('checks a territory Natural Earth draws apart from its country where the place says `within`', () => {
		// A place on the Guantánamo base: in Cuba for readers, in Natural Earth's `USNB Guantanamo Bay` unit.
		const moved = ['[-66.85, 10.467]', '[-75.16, 19.9175]'] as [string, string];
		const country = '"country": "VE",\n        "description": { "en": "Where six';
		const withoutWithin = edited('places', moved, [country, country.replace('VE', 'CU')]);
		expect(problems(withoutWithin)).toEqual([
			`${at(withoutWithin.places, '[-75.16')} place \`argentine-residence\`: [-75.16, 19.9175] is not in Cuba. Natural Earth puts it in USNB Guantanamo Bay: ` +
				'check the coordinates, or if the place is in that territory, keep its `country` and add `"within": "USNB Guantanamo Bay"`.'
		]);
		const within = edited('places', moved, [country, country.replace('"VE",', '"CU",\n        "within": "USNB Guantanamo Bay",')]);
		const story = validateStory(within);
		expect(story.places.features.find((p) => p.properties.id === 'argentine-residence')!.properties.country).toBe('CU');
		expect(story.chapters.at(-1)!.mapDescription).toContain('in Cuba');
	});
});

describe('languages', () => {
	const asEdition = (lang: string, files = validFiles()): StoryFiles => ({
		...files,
		story: { path: `stories/fixture-story/story.${lang}.yaml`, text: files.story.text.replace('lang: en', `lang: ${lang}`) }
	});
	/** A complete ui.fr.yaml: every key, phrases with all their placeholders. */
	const uiFile = (edit: (lines: string[]) => string[] = (lines) => lines): StoryFile => {
		const params = uiPhraseParams as Record<string, readonly string[]>;
		const lines = uiKeys.map((key) => `${key}: "«${key}»${(params[key] ?? []).map((p) => ` {${p}}`).join('')}"`);
		return { path: 'stories/fixture-story/ui.fr.yaml', text: edit(lines).join('\n') + '\n' };
	};

	it('accept any BCP 47 tag; a region falls back to its language for the interface and names', () => {
		const story = validateStory(asEdition('en-GB'));
		expect(story.lang).toBe('en-GB');
		expect(story.ui).toBeUndefined();
		expect(story.places.features.find((p) => p.properties.id === 'caracas')!.properties.label).toBe('Caracas');
		expect(uiText('en-GB').chapters).toBe(uiText('en').chapters);
		expect(uiText('es-419').chapters).toBe(uiText('es').chapters);
	});

	it('must be well-formed and canonical', () => {
		const files = asEdition('en-gb');
		expect(problems(files)).toEqual([`${at(files.story, 'en-gb')} story: \`lang\`: language tag \`en-gb\` is not in its canonical form. Write \`en-GB\`.`]);
	});

	it('need the interface words: an edition in a language the engine has none in carries ui.<lang>.yaml', () => {
		const files = asEdition('fr');
		expect(problems(files)).toEqual([
			`${at(files.story, 'fr')} story: the engine has no interface words in \`fr\`. Add ui.fr.yaml to the story's folder with the interface's words in that language (docs/story-format.md lists the keys).`
		]);
		const story = validateStory({ ...files, ui: uiFile() });
		const text = uiText(story.lang, story.ui);
		expect(text.chapters).toBe('«chapters»');
		expect(text.report('AFP', 'Titre')).toBe('«report» AFP Titre');
		expect(text.notesSummary(1234)).toBe(`«notesSummary» ${new Intl.NumberFormat('fr').format(1234)}`);
		// The generated map descriptions are the story's words too, with the language's lists, country names and numbers.
		expect(story.chapters[0].mapDescription).toMatch(
			/^«mapShows» «placeInCountry» CECOT prison Salvador et «settlementInCountry» Caracas Venezuela «routeLine» «dashedLine» «proposedRoute» Proposed exchange CECOT prison Caracas 2\s405 km$/
		);
	});

	it('locate missing keys, unknown keys and unknown placeholders in ui.<lang>.yaml', () => {
		const ui = uiFile((lines) => [
			...lines.filter((line) => !line.startsWith('credits:') && !line.startsWith('next:') && !line.startsWith('notesSummary:')),
			'notesSummary: "Sources ({count})"',
			'chapterz: "Chapitres"'
		]);
		const files = { ...asEdition('fr'), ui };
		expect(problems(files)).toEqual([
			`${ui.path}:1:1 ui.fr.yaml: missing keys \`credits\`, \`next\`. Every key of the interface needs its words in this language (docs/story-format.md lists them with the English).`,
			`${at(ui, '"Sources ({count})"')} ui.fr.yaml: \`notesSummary\` has an unknown placeholder \`{count}\`. In \`notesSummary\` it takes \`{sources}\`.`,
			`${at(ui, 'chapterz')} ui.fr.yaml: unknown key \`chapterz\`. Did you mean \`chapter\`?`
		]);
	});

	it('need names in the edition language or English', () => {
		const files = edited('places', ['"name": { "en": "Caracas" }', '"name": { "ja": "カラカス" }']);
		expect(problems(files)).toEqual([
			`${at(files.places, '{ "ja"')} place \`caracas\`: \`name\` has no text in \`en\`. Add it: an edition in \`en\` shows its own language's text, or falls back to English, e.g. \`"name": { "en": "The harbour" }\`.`
		]);
	});
});

describe('sources and links', () => {
	it('carry an editor\'s flag and note on a source that could not be confirmed', () => {
		const story = validateStory(edited('sources', ['  date: 2025-03\n', '  date: 2025-03\n  unverified: true\n  note: The page has moved.\n']));
		expect(story.sources.find((s) => s.id === 'popular-information')).toMatchObject({ unverified: true, note: 'The page has moved.' });
		expect(story.sources.find((s) => s.id === 'cnn-2025-04-21')!.unverified).toBeUndefined();
	});

	it('refuse a source address that is not http:, https: or mailto:', () => {
		expect(problems(edited('sources', ['url: https://popular.info/', 'url: mailto:tips@popular.info']))).toEqual([]);
		const files = edited('sources', ['url: https://popular.info/', 'url: javascript:alert(1)']);
		expect(problems(files)).toEqual([
			`${at(files.sources, 'javascript:')} source \`popular-information\`: \`url\` uses \`javascript:\`, which is not allowed (only http:, https: and mailto:). Write the full address, starting with https:// (or http://, or mailto: for an email address).`
		]);
	});

	it.each([
		['javascript:alert(1)', 'uses `javascript:`, which is not allowed (only http:, https: and mailto:)'],
		['data:text/html,hi', 'uses `data:`, which is not allowed (only http:, https: and mailto:)'],
		['/admin', 'is not a full address']
	])('refuse a link to `%s` in prose, where it is written', (href, problem) => {
		const files = edited('story', ['(https://edition.cnn.com/)', `(${href})`]);
		expect(problems(files)).toEqual([
			`${at(files.story, href)} chapter \`the-offer\`: link \`${href}\` ${problem}. Link to a web page (https://…) or an email address (mailto:…).`
		]);
	});

	it('refuse images in prose and allow mailto: links', () => {
		const files = edited('story', ['[CNN reported](https://edition.cnn.com/)', '![CNN](https://edition.cnn.com/logo.png) [wrote in](mailto:desk@example.org)']);
		expect(problems(files)).toEqual([
			`${at(files.story, 'https://edition.cnn.com/logo.png')} chapter \`the-offer\`: image \`https://edition.cnn.com/logo.png\` in the body. Prose carries no images (the site loads nothing from other hosts): describe it in words, or link to it.`
		]);
	});
});

describe('the article a story is told from', () => {
	it('is optional', () => {
		const story = validateStory(edited('story', ['article: cnn-2025-04-21\n', ''], ['    after-article: true\n', '']));
		expect(story.article).toBeUndefined();
		expect(story.sources.length).toBeGreaterThan(0);
	});

	it('is needed by a chapter marked after the article', () => {
		const files = edited('story', ['article: cnn-2025-04-21\n', '']);
		expect(problems(files)).toEqual([
			`${at(files.story, 'true')} chapter \`the-residence\`: \`after-article\` needs the article the story is told from. Declare it with \`article: <source id>\` at the top of the story file, or remove \`after-article\`.`
		]);
	});
});

describe('the real stories', () => {
	it('validate, in every edition', () => {
		expect(editions().length).toBeGreaterThan(0);
		for (const { story, lang } of editions()) expect(loadStory(story, lang).chapters.length, `${story}/${lang}`).toBeGreaterThan(0);
	});
});
