import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { computePlaceholders } from '$lib/story/computed';
import { StoryError, StoryValidationError } from '$lib/story/errors';
import { editions, loadStory } from '$lib/story/load.server';
import { renderMarkdown } from '$lib/story/markdown';
import { validateStory, type CountryFeature, type StoryFiles } from '$lib/story/validate';
import type { PlaceFeature, RouteFeature } from '$lib/story/types';

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
	'routes.geojson': 'routes'
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
		expect(story.article.publisher).toBe('CNN');
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
		const spanish = validateStory({ ...validFiles(), story: { path: 'src/content/story.es.yaml', text: english.replace('lang: en', 'lang: es') } });
		const label = (id: string) => spanish.places.features.find((p) => p.properties.id === id)!.properties.label;
		expect(label('cecot')).toBe('CECOT');
		expect(label('caracas')).toBe('Caracas');
		expect(spanish.chapters[0].html).toContain('2405 km home');
	});
});

describe('story errors name the file, line and column, what is wrong and what to do', () => {
	const cases: [string, string[]][] = [
		['yaml-syntax.story.en.yaml', ['3:20 YAML syntax error: Missing closing "quote. Check indentation and quoting near here: text containing `: ` or ` #`, or starting with a special character such as `[`, `{`, `*`, `&` or `@`, must be quoted.']],
		['missing-field.story.en.yaml', ['20:5 chapter `the-flights`: missing required field `title`. Add `title: The offer`.']],
		['wrong-type.story.en.yaml', ['12:13 chapter `the-offer`: `places` must be a list, not text. Write it like `places: [cecot, caracas]`.']],
		['duplicate-chapter.story.en.yaml', ['20:9 chapter 2: duplicate id `the-offer`. Ids must be unique; rename one of them.']],
		['bad-chapter-id.story.en.yaml', ['20:9 chapter 2: id `The_Flights` is not lowercase-kebab. Use lowercase letters, digits and hyphens, e.g. `the-flights`.']],
		['unknown-place.story.en.yaml', ['12:14 chapter `the-offer`: unknown place `cecott`. Did you mean `cecot`? Places are defined in geo/places.geojson.']],
		[
			'unknown-route.story.en.yaml',
			[
				'14:20 chapter `the-offer`: unknown place or route `caracass` in `frame`. Did you mean `caracas`? Places are defined in geo/places.geojson. Routes are defined in geo/route-defs.json.',
				'25:14 chapter `the-flights`: unknown route `march-flight`. Did you mean `march-flights`? Routes are defined in geo/route-defs.json.'
			]
		],
		['unknown-placeholder.story.en.yaml', ['17:7 chapter `the-offer`: unknown place `caracs` in `{{distance cecot caracs}}`. Did you mean `caracas`? Places are defined in geo/places.geojson.']],
		['unknown-source.story.en.yaml', ['27:15 chapter `the-flights`: unknown source `popular-info`. Sources are defined in src/content/sources.yaml.']],
		['chapter-without-sources.story.en.yaml', ['27:14 chapter `the-flights`: `sources` is empty. List at least one, like `sources: [cnn-2025-04-21]`.']],
		['camera-swapped.story.en.yaml', ['34:15 chapter `the-residence`: camera center [10.47, -96.85] out of range: latitude -96.85 is beyond ±90. They look swapped: write [longitude, latitude], here [-96.85, 10.47].']],
		['unknown-lang.story.en.yaml', ['2:7 story: unknown `lang` `english`. Use a language code the site supports: en, es.']],
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
		['wrong-country.places.geojson', ['19:53 place `caracas`: [-66.9036, 10.4806] is not in Colombia. Natural Earth puts it in Venezuela: check the coordinates, or set `"country": "Venezuela"`.']],
		['unknown-country.places.geojson', ['51:20 place `palmerola`: unknown country `Hondura`. Did you mean `Honduras`? Name the country as Natural Earth does, e.g. `United States of America`.']],
		['approximate-without-uncertainty.places.geojson', ['72:21 place `argentine-residence`: missing required field `uncertaintyMeters`. Add `"uncertaintyMeters": 1000`.']],
		['place-without-sources.places.geojson', ['27:20 place `caracas`: `sources` is empty. List at least one, like `"sources": ["wikipedia-cecot"]`.']],
		['unknown-via.route-defs.json', ['6:22 route `proposed-swap`: unknown place `caracs`. Did you mean `caracas`? Places are defined in geo/places.geojson.']]
	];
	it.each(cases)('%s', (brokenName, expected) => {
		expect(problems(withBroken(brokenName))).toEqual(expected.map((e) => `${BROKEN}${brokenName}:${e}`));
	});

	it('reports a route missing from routes.geojson in route-defs.json', () => {
		expect(problems(withBroken('missing-route.routes.geojson'))).toEqual([
			`${VALID}route-defs.json:9:3 route \`march-flights\` is missing from geo/routes.geojson. Run \`npm run geo\` to regenerate geo/routes.geojson.`
		]);
	});

	it('reports routes.geojson out of date with route-defs.json or with a moved place', () => {
		expect(problems(withBroken('stale-via.route-defs.json'))).toEqual([
			`${VALID}routes.geojson:3:32 route \`march-flights\` is out of date: \`via\` differ from geo/route-defs.json. Run \`npm run geo\` to regenerate geo/routes.geojson.`
		]);
		expect(problems(withBroken('moved-place.places.geojson'))).toEqual([
			`${VALID}routes.geojson:2:173 route \`proposed-swap\` is out of date: its line does not pass through \`cecot\`. A place moved since the routes were generated. Run \`npm run geo\` to regenerate geo/routes.geojson.`
		]);
	});

	it('reports a lang that does not match the file name', () => {
		const story = read(VALID + 'story.en.yaml').text;
		expect(problems({ ...validFiles(), story: { path: 'src/content/story.es.yaml', text: story } })).toEqual([
			'src/content/story.es.yaml:2:7 story: `lang` is `en` but the file is named for `es`. Set `lang: es` or rename the file to story.en.yaml.'
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
		const error = new StoryError('src/content/story.en.yaml', 42, 14, 'chapter `cecot`: unknown place `cecott`', 'Did you mean `cecot`?');
		expect(String(error)).toBe('src/content/story.en.yaml:42:14 chapter `cecot`: unknown place `cecott`. Did you mean `cecot`?');
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
		expect(computePlaceholders('{{distance cecot caracas}}', places, routes, 'es').text).toBe('2405 km');
	});

	it('reports unknown ids and placeholders with their offset', () => {
		const { problems } = computePlaceholders('ok {{distance cecot cecott}} {{lenght swap}}', places, routes, 'en');
		expect(problems).toEqual([
			{
				offset: 3,
				snippet: '{{distance cecot cecott}}',
				message: 'unknown place `cecott` in `{{distance cecot cecott}}`',
				hint: 'Did you mean `cecot`? Places are defined in geo/places.geojson.',
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

describe('the real stories', () => {
	it('validate, in every edition', () => {
		expect(editions().length).toBeGreaterThan(0);
		for (const { story, lang } of editions()) expect(loadStory(story, lang).chapters.length, `${story}/${lang}`).toBeGreaterThan(0);
	});
});
