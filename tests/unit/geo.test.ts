import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import { distance } from '@turf/distance';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { countriesAt, isInCountry, type CountryFeature } from '$lib/geo/countries';
import { describeMapState } from '$lib/geo/describe';
import { distanceKm, formatKm, formatMeters, routeLengthKm } from '$lib/geo/distance';
import { frameBounds } from '$lib/geo/framing';
import type { MapState, PlaceFeature, PlaceProperties, RouteFeature } from '$lib/story/types';

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
