import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import { distance } from '@turf/distance';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { countriesAt, isInCountry, type CountryFeature } from '$lib/geo/countries';
import { describeMapState } from '$lib/geo/describe';
import { distanceKm, formatKm, formatMeters, routeLengthKm } from '$lib/geo/distance';
import { detailZoomAt, frameBounds, framingMaxZoom, unionBounds, type BasemapDetail } from '$lib/geo/framing';
import { overviewState } from '$lib/geo/overview';
import { validateStory, type StoryFile } from '$lib/story/validate';
import { StoryValidationError } from '$lib/story/errors';
import type { Chapter, MapState, PlaceFeature, PlaceProperties, RouteFeature } from '$lib/story/types';
import { buildRoutes, routeLine } from '../../geo/scripts/routes';

/** Places with the coordinates of /work/shared/reference/story-facts.md. */
function place(id: string, coordinates: [number, number], properties: Partial<PlaceProperties> = {}): PlaceFeature {
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates },
		properties: {
			id, name: { en: id }, kind: 'prison', drawAs: 'building', precision: 'site', country: 'SV',
			description: { en: '' }, sources: ['s'], ...properties
		}
	};
}
const cecot = place('cecot', [-88.8053, 13.5334], { name: { en: 'CECOT prison', es: 'CECOT' } });
const caracas = place('caracas', [-66.9036, 10.4806], { name: { en: 'Caracas' }, kind: 'capital', drawAs: 'capital', precision: 'city', country: 'VE' });
const harlingen = place('harlingen-airport', [-97.655, 26.2272], { name: { en: 'Valley International Airport' }, kind: 'airport', drawAs: 'airport', country: 'US' });
const residence = place('argentine-residence', [-66.85, 10.467], {
	name: { en: 'the Argentine ambassador’s residence' }, kind: 'embassy', drawAs: 'building', precision: 'approximate', uncertaintyMeters: 1000, country: 'VE'
});
const places = [cecot, caracas, harlingen, residence];

const fixtureRoutes = JSON.parse(fs.readFileSync('tests/fixtures/valid/routes.geojson', 'utf8')).features as RouteFeature[];
const swap = fixtureRoutes.find((r) => r.properties.id === 'proposed-swap')!;
const flights = fixtureRoutes.find((r) => r.properties.id === 'march-flights')!;
const fixturePlaces = (JSON.parse(fs.readFileSync('tests/fixtures/valid/places.geojson', 'utf8')).features as PlaceFeature[]);

const widthKm = ([w, s, e]: number[]) => distance([w, s], [e, s], { units: 'kilometers' });
const heightKm = ([w, s, , n]: number[]) => distance([w, s], [w, n], { units: 'kilometers' });

describe('distances', () => {
	it('match the story facts', () => {
		expect(distanceKm(cecot, caracas)).toBeCloseTo(2405, -1);
		expect(Math.abs(distanceKm(cecot, caracas) - 2405)).toBeLessThan(5);
		expect(Math.abs(distanceKm(harlingen, cecot) - 1686)).toBeLessThan(5);
	});

	it('measure a route along its great-circle line', () => {
		expect(Math.abs(routeLengthKm(flights) - 1867)).toBeLessThan(5);
		expect(Math.abs(routeLengthKm(swap) - 2405)).toBeLessThan(5);
	});

	it('are formatted per language', () => {
		expect(formatKm(2405.4, 'en')).toBe('2,405 km');
		expect(formatKm(2405.4, 'es')).toBe('2.405 km');
		expect(formatKm(12405, 'es')).toBe('12.405 km');
		expect(formatMeters(500, 'en')).toBe('500 m');
		expect(formatMeters(1000, 'en')).toBe('1 km');
	});
});

describe('frameBounds', () => {
	it('covers known points exactly', () => {
		expect(frameBounds(['cecot', 'caracas'], places, [])).toEqual([-88.8053, 10.4806, -66.9036, 13.5334]);
		expect(frameBounds(['cecot', 'harlingen-airport', 'caracas'], places, [])).toEqual([-97.655, 10.4806, -66.9036, 26.2272]);
	});

	it('covers routes', () => {
		const [w, s, e, n] = frameBounds(['march-flights'], fixturePlaces, fixtureRoutes);
		expect([w, s, e]).toEqual([-97.655, 13.4408, -87.6211]);
		expect(n).toBeGreaterThanOrEqual(26.2272); // a great circle bulges poleward
	});

	it('widens the bounds by an approximate place’s uncertainty circle', () => {
		const pointOnly = frameBounds(['caracas', 'cecot'], places, []);
		const [w, s, e, n] = frameBounds(['caracas', 'cecot', 'argentine-residence'], places, []);
		expect([w, n]).toEqual([pointOnly[0], pointOnly[3]]);
		// The residence at -66.85 lies east of Caracas; its 1 km circle reaches about 0.0091° further east.
		expect(e).toBeCloseTo(-66.85 + 1 / (111.32 * Math.cos((10.467 * Math.PI) / 180)), 3);
		expect(s).toBeLessThan(pointOnly[1]);
		expect(s).toBeCloseTo(10.467 - 1 / 111.2, 3);
	});

	it('gives a single point a minimum extent by its precision', () => {
		const city = frameBounds(['caracas'], places, []);
		expect(widthKm(city)).toBeCloseTo(40, 0);
		expect(heightKm(city)).toBeCloseTo(40, 0);
		expect((city[0] + city[2]) / 2).toBeCloseTo(-66.9036, 6);
		expect(widthKm(frameBounds(['cecot'], places, []))).toBeCloseTo(4, 1);
		expect(widthKm(frameBounds(['argentine-residence'], places, []))).toBeCloseTo(4, 1);
	});

	it('throws on an unknown id', () => {
		expect(() => frameBounds(['cecott'], places, [])).toThrow('unknown place or route `cecott`');
	});
});

describe('describeMapState', () => {
	const state = (places: string[], routes: string[] = []): MapState => ({ places, routes, frame: [...places, ...routes] });

	it('names places with their country and routes with their computed length', () => {
		expect(describeMapState(state(['cecot', 'caracas'], ['proposed-swap']), places, [swap], 'en')).toBe(
			'The map shows CECOT prison in El Salvador and Caracas, Venezuela. ' +
				'A dashed line marks the proposed route “Proposed exchange” from CECOT prison to Caracas, 2,405 km.'
		);
	});

	it('says an approximate place is approximate, with its radius', () => {
		expect(describeMapState(state(['argentine-residence']), places, [], 'en')).toBe(
			'The map shows the Argentine ambassador’s residence in Venezuela (approximate location, within about 1 km).'
		);
	});

	it('lists via places, and separates names containing commas with semicolons', () => {
		const text = describeMapState(state(['harlingen-airport', 'palmerola', 'sal-airport'], ['march-flights']), fixturePlaces, fixtureRoutes, 'en');
		expect(text).toBe(
			'The map shows Valley International Airport in the United States, Palmerola in Honduras, and El Salvador International Airport. ' +
				'A line marks the flight route “Deportation flights, 15 March 2025” from Valley International Airport via Palmerola to El Salvador International Airport, 1,867 km.'
		);
		const withCommas = places.map((p) => (p === caracas ? place('caracas', [-66.9036, 10.4806], { ...caracas.properties, name: { en: 'Caracas, Distrito Capital' } }) : p));
		expect(describeMapState(state(['cecot', 'caracas', 'harlingen-airport']), withCommas, [], 'en')).toBe(
			'The map shows CECOT prison in El Salvador; Caracas, Distrito Capital in Venezuela; and Valley International Airport in the United States.'
		);
	});

	it('speaks the edition’s language: its sentences, list conjunction, country names and number format', () => {
		expect(describeMapState(state(['cecot', 'harlingen-airport', 'caracas'], ['proposed-swap']), places, [swap], 'es')).toBe(
			'El mapa muestra CECOT en El Salvador; Valley International Airport en Estados Unidos; y Caracas, Venezuela. ' +
				'Una línea discontinua marca la ruta propuesta “Proposed exchange” desde CECOT hasta Caracas (2.405 km).'
		);
		expect(describeMapState(state(['argentine-residence']), places, [], 'es')).toBe(
			'El mapa muestra the Argentine ambassador’s residence en Venezuela (ubicación aproximada, en un radio de alrededor de 1 km).'
		);
	});

	it('says when nothing is highlighted', () => {
		expect(describeMapState(state([]), places, [], 'en')).toBe('The map shows the region with no place highlighted.');
	});
});

describe('countries', () => {
	const topology = JSON.parse(fs.readFileSync('node_modules/world-atlas/countries-10m.json', 'utf8')) as Topology<{
		countries: GeometryCollection<{ name: string }>;
	}>;
	const countries = feature(topology, topology.objects.countries).features as CountryFeature[];
	const named = (name: string) => countries.find((c) => c.properties.name === name)!;

	it('finds the country of a point', () => {
		expect(isInCountry([-88.8053, 13.5334], named('El Salvador'), 2)).toBe(true);
		expect(isInCountry([13.5334, -88.8053], named('El Salvador'), 2)).toBe(false);
	});

	it('tolerates a point just off a generalised coastline', () => {
		// Guantánamo Bay Naval Base (story facts) falls in the bay on the 1:10m outline.
		expect(countriesAt([-75.16, 19.9175], countries, 0)).toEqual([]);
		expect(countriesAt([-75.16, 19.9175], countries, 2)).toEqual(['USNB Guantanamo Bay']);
	});
});

describe('the 180° meridian', () => {
	// Nadi airport (Fiji) and Honolulu airport (Hawaii), either side of the meridian.
	const described = { description: { en: 'An airport.' } };
	const nadi = place('nadi', [177.4431, -17.7553], { kind: 'airport', precision: 'site', country: 'Fiji', ...described });
	const honolulu = place('honolulu', [-157.9225, 21.3187], { kind: 'airport', precision: 'site', country: 'United States of America', ...described });
	const line = routeLine([nadi.geometry.coordinates, honolulu.geometry.coordinates], false);
	const route: RouteFeature = {
		type: 'Feature',
		geometry: { type: 'LineString', coordinates: line },
		properties: { id: 'crossing', name: { en: 'Crossing' }, via: ['nadi', 'honolulu'], mode: 'flight', sources: ['s'] }
	};

	it('frames places either side of it as one view, not round the world', () => {
		const [w, s, e, n] = frameBounds(['nadi', 'honolulu'], [nadi, honolulu], []);
		expect([w, s, n]).toEqual([177.4431, -17.7553, 21.3187]);
		expect(e).toBeCloseTo(-157.9225 + 360, 9); // 24.6° across the meridian, not 335° the other way
		expect(frameBounds(['crossing'], [nadi, honolulu], [route])[0]).toBe(177.4431);
		expect(frameBounds(['crossing'], [nadi, honolulu], [route])[2]).toBeCloseTo(202.0775, 9);
	});

	it('joins bounds the short way round, and never beyond the whole world', () => {
		expect(unionBounds([[170, 0, 175, 1], [-175, -1, -170, 0]])).toEqual([170, -1, 190, 1]);
		expect(unionBounds([[-175, -1, -170, 0], [170, 0, 175, 1]])).toEqual([170, -1, 190, 1]);
		expect(unionBounds([[-100, 0, -90, 1], [-10, 0, 0, 1]])).toEqual([-100, 0, 0, 1]);
		// The largest gap (10° between 0° and 10°) is what is left out.
		expect(unionBounds([[-170, 0, 0, 1], [10, 0, 170, 1], [175, 0, 190, 1]])).toEqual([10, 0, 360, 1]);
		expect(unionBounds([[-170, 0, 0, 1], [0, 0, 175, 1], [170, 0, 195, 1]])).toEqual([-180, 0, 180, 1]);
	});

	it('gives an overview of chapters either side of it as one view', () => {
		const chapter = (bounds: [number, number, number, number]) => ({ map: { places: [], routes: [], frame: [], bounds } }) as unknown as Chapter;
		const { bounds } = overviewState([chapter([177, -19, 179, -17]), chapter([-159, 21, -157, 22])]);
		expect(bounds).toEqual([177, -19, 203, 22]);
	});

	it('draws a route across it as one continuous line of the right length', () => {
		expect(line[0]).toEqual([177.4431, -17.7553]);
		expect(line.at(-1)).toEqual([202.0775, 21.3187]); // Honolulu, one turn of the globe on
		for (let i = 1; i < line.length; i++) expect(Math.abs(line[i][0] - line[i - 1][0])).toBeLessThan(1);
		const greatCircle = distance(nadi.geometry.coordinates, honolulu.geometry.coordinates, { units: 'kilometers' });
		expect(greatCircle).toBeGreaterThan(5000); // not the 30,000 km of a line back across the map
		expect(routeLengthKm(route) / greatCircle).toBeCloseTo(1, 4);
		// Westward it runs on below −180°.
		const back = routeLine([honolulu.geometry.coordinates, nadi.geometry.coordinates], false);
		expect(back.at(-1)).toEqual([177.4431 - 360, -17.7553]);
		expect(Math.max(...back.slice(1).map((p, i) => Math.abs(p[0] - back[i][0])))).toBeLessThan(1);
	});

	describe('the validator', () => {
		const topology = JSON.parse(fs.readFileSync('node_modules/world-atlas/countries-10m.json', 'utf8')) as Topology<{
			countries: GeometryCollection<{ name: string }>;
		}>;
		const countries = feature(topology, topology.objects.countries).features as CountryFeature[];
		const file = (path: string, data: unknown): StoryFile => ({ path, text: JSON.stringify(data, null, 1) });
		// As an author writes them: only the fields of a places file.
		const written = ({ geometry, properties: { id, name, kind, precision, country, description, sources } }: PlaceFeature) => ({
			type: 'Feature',
			geometry,
			properties: { id, name, kind, precision, country, description, sources }
		});
		const defs = [{ id: 'crossing', name: { en: 'Crossing' }, mode: 'flight', via: ['nadi', 'honolulu'], sources: ['s'] }];
		const files = (places: PlaceFeature[], generatedFrom = places) => ({
			story: {
				path: 'story.en.yaml',
				text: ['id: t', 'lang: en', 'title: T', 'summary: S', 'credits: C', 'published: 2026-01-01', 'article: s', 'chapters:',
					'  - id: c', '    title: C', '    routes: [crossing]', '    sources: [s]', '    body: B'].join('\n')
			},
			sources: { path: 'sources.yaml', text: 's: { title: T, publisher: P, url: "https://example.org" }' },
			places: file('places.geojson', { type: 'FeatureCollection', features: places.map(written) }),
			routeDefs: file('route-defs.json', defs),
			routes: file('routes.geojson', buildRoutes({ file: 'p', data: { type: 'FeatureCollection', features: generatedFrom } }, { file: 'd', data: defs }).routes),
			countries
		});

		it('accepts a route that runs on past 180° through its places', () => {
			const story = validateStory(files([nadi, honolulu]));
			expect(story.chapters[0].map.bounds![2]).toBeGreaterThan(180);
		});

		it('still reports a place that moved since the route was generated', () => {
			const moved = place('honolulu', [-157.8, 21.3], { ...honolulu.properties });
			expect(() => validateStory(files([nadi, moved], [nadi, honolulu]))).toThrow(StoryValidationError);
			expect(() => validateStory(files([nadi, moved], [nadi, honolulu]))).toThrow(/does not pass through `honolulu`/);
		});
	});
});

describe('framingMaxZoom', () => {
	// Detail to zoom 10 in a region across the meridian, to 6 elsewhere.
	const detail: BasemapDetail = { maxZoom: 6, regions: [{ bounds: [175, -20, 185, -15], maxZoom: 10 }] };
	const at = (lon: number, lat: number): MapState => ({ places: [], routes: [], frame: [], bounds: [lon, lat, lon, lat] });

	it('keeps a chapter’s own max-zoom', () => {
		expect(framingMaxZoom({ ...at(0, 0), maxZoom: 12 }, detail)).toBe(12);
	});

	it('stops where the basemap has detail, at 9 at most', () => {
		expect(framingMaxZoom(at(178, -18))).toBe(9);
		expect(framingMaxZoom(at(178, -18), detail)).toBe(9);
		expect(framingMaxZoom(at(-179, -18), detail)).toBe(9); // inside the region, west of the meridian
		expect(framingMaxZoom(at(-170, -18), detail)).toBe(6);
		expect(detailZoomAt([184, -16], detail)).toBe(10);
		expect(detailZoomAt([0, 0], detail)).toBe(6);
	});
});
