/** Dates and numbers as each edition's readers write them, and the computed figures in Spanish prose. */
import { describe, expect, it } from 'vitest';
import { formatDate } from '$lib/format-date';
import { formatNumber } from '$lib/format-number';
import { formatKm, formatMeters } from '$lib/geo/distance';
import { computePlaceholders } from '$lib/story/computed';
import type { PlaceFeature, RouteFeature } from '$lib/story/types';

const place = (id: string, coordinates: [number, number]): PlaceFeature => ({
	type: 'Feature',
	geometry: { type: 'Point', coordinates },
	properties: { id, name: { en: id }, kind: 'city', drawAs: 'city', precision: 'city', country: '', description: { en: '' }, sources: [] }
});

describe('dates', () => {
	it('read "20 de abril de 2025" in Spanish and "20 April 2025" in English', () => {
		expect(formatDate('2025-04-20', 'es')).toBe('20 de abril de 2025');
		expect(formatDate('2025-04-20', 'en')).toBe('20 April 2025');
	});

	it('of a month only read "enero de 2026", with no day invented', () => {
		expect(formatDate('2026-01', 'es')).toBe('enero de 2026');
		expect(formatDate('2026-01', 'en')).toBe('January 2026');
	});
});

describe('numbers', () => {
	it('group thousands with a point in Spanish, four-digit numbers included', () => {
		expect(formatNumber(2405, 'es')).toBe('2.405');
		expect(formatNumber(40000, 'es')).toBe('40.000');
		expect(formatNumber(12405.5, 'es', { maximumFractionDigits: 1 })).toBe('12.405,5');
		expect(formatNumber(252, 'es')).toBe('252');
	});

	it('group with a comma in English', () => {
		expect(formatNumber(2405, 'en')).toBe('2,405');
		expect(formatNumber(12405.5, 'en', { maximumFractionDigits: 1 })).toBe('12,405.5');
	});

	it('give distances as "2.405 km" and "500 m" in Spanish', () => {
		expect(formatKm(2405.4, 'es')).toBe('2.405 km');
		expect(formatKm(28.6, 'es')).toBe('29 km');
		expect(formatMeters(500, 'es')).toBe('500 m');
		expect(formatMeters(1500, 'es')).toBe('2 km');
	});

	it('fall back to the language’s own conventions for a language without a style', () => {
		expect(formatNumber(2405, 'de')).toBe(new Intl.NumberFormat('de').format(2405));
	});
});

describe('computed figures in Spanish prose', () => {
	it('write the distance the Spanish way', () => {
		const places = new Map([
			['a', place('a', [-88.8053, 13.5334])],
			['b', place('b', [-66.9036, 10.4806])]
		]);
		const { text, problems } = computePlaceholders('a {{distance a b}} de distancia', places, new Map<string, RouteFeature>(), 'es');
		expect(problems).toEqual([]);
		expect(text).toMatch(/^a \d\.\d{3} km de distancia$/);
	});
});
