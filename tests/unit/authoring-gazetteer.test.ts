/** The offline gazetteer behind `npm run story:place`, and how a found place is written into a story folder. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkStories } from '../../scripts/story/check';
import { lookUp, normalizeName } from '../../scripts/story/gazetteer';
import { createStory } from '../../scripts/story/new';
import { addPlace, placeFor } from '../../scripts/story/place';
import { appendFeature, withNaturalEarthSource } from '../../scripts/story/place-file';

const temps: string[] = [];
function tempRoot(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-place-'));
	temps.push(dir);
	return dir;
}
// Reading Natural Earth and the country outlines takes a few seconds on a busy machine: once, before the tests.
beforeAll(() => void lookUp('Caracas'), 60_000);
afterEach(() => {
	for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('looking a name up', () => {
	it.each([
		['Caracas', 'Caracas', 'capital', 'Venezuela', 'VE'],
		['San Salvador', 'San Salvador', 'capital', 'El Salvador', 'SV'],
		['Maiquetia', 'Maiquetía', 'city', 'Venezuela', 'VE'],
		['Harlingen', 'Harlingen', 'city', 'United States of America', 'US'],
		['  caracas ', 'Caracas', 'capital', 'Venezuela', 'VE']
	])('finds "%s" as %s, a %s in %s', (query, name, kind, country, iso) => {
		const result = lookUp(query);
		expect(result.status).toBe('found');
		expect(result.candidates).toHaveLength(1);
		expect(result.candidates[0]).toMatchObject({ name, kind, country, iso });
	});

	it('ignores accents and case both ways, and matches alternate names', () => {
		expect(normalizeName('Maiquetía')).toBe('maiquetia');
		expect(lookUp('MAIQUETÍA').candidates[0]?.name).toBe('Maiquetía');
		// Natural Earth's namealt for San José, Costa Rica is "San Jose"; its nameascii too.
		expect(lookUp('san josé', { country: 'CR' }).candidates.map((c) => c.name)).toEqual(['San José']);
	});

	it('says "ambiguous" for a name in several countries, listing each', () => {
		const result = lookUp('San Jose');
		expect(result.status).toBe('ambiguous');
		const countries = new Set(result.candidates.map((c) => c.iso));
		expect(countries.size).toBeGreaterThanOrEqual(3);
		expect(countries).toContain('CR');
		expect(countries).toContain('US');
	});

	it('narrows by country and kind', () => {
		const inUs = lookUp('San Jose', { country: 'US' });
		expect(inUs.status).toBe('ambiguous');
		expect(inUs.candidates.map((c) => c.kind).sort()).toEqual(['airport', 'city']);
		expect(lookUp('San Jose', { country: 'us', kind: 'city' })).toMatchObject({ status: 'found', candidates: [{ kind: 'city', iso: 'US' }] });
		expect(lookUp('San Jose', { country: 'US', kind: 'airport' }).candidates[0]).toMatchObject({ kind: 'airport', code: 'SJC' });
	});

	it('finds airports by code', () => {
		expect(lookUp('CCS')).toMatchObject({ status: 'found', candidates: [{ kind: 'airport', code: 'CCS', iso: 'VE', country: 'Venezuela' }] });
	});

	it('finds nothing for an unknown name, and suggests names that contain it', () => {
		expect(lookUp('Xyzzyville')).toMatchObject({ status: 'none', candidates: [], suggestions: [] });
		const partial = lookUp('Salvador de Jujuy');
		expect(partial.status).toBe('none');
		expect(partial.suggestions.map((c) => c.name)).toContain('San Salvador de Jujuy');
	});

	it('suggests the exact name that a filter ruled out', () => {
		const result = lookUp('Caracas', { country: 'CO' });
		expect(result.status).toBe('none');
		expect(result.suggestions[0]).toMatchObject({ name: 'Caracas', iso: 'VE' });
	});
});

describe('a found place, written into a story', () => {
	it('has precision city for a populated place and site for an airport, and cites Natural Earth', () => {
		const city = placeFor(lookUp('Caracas').candidates[0], 'caracas');
		expect(city.properties).toMatchObject({ id: 'caracas', kind: 'capital', precision: 'city', country: 'Venezuela', sources: ['natural-earth'] });
		const airport = placeFor(lookUp('CCS').candidates[0], 'ccs');
		expect(airport.properties).toMatchObject({ kind: 'airport', precision: 'site', sources: ['natural-earth'] });
		expect(() => placeFor(lookUp('Venezuela', { kind: 'country' }).candidates[0], 'venezuela')).toThrow(/is a country/);
	});

	it('is added to places.geojson and sources.yaml, and the story still validates', () => {
		const root = tempRoot();
		const dir = createStory(root, 'placed', { today: '2026-01-02' });
		const sourcesBefore = fs.readFileSync(path.join(dir, 'sources.yaml'), 'utf8');
		addPlace(dir, lookUp('Harlingen').candidates[0], 'harlingen');
		const places = JSON.parse(fs.readFileSync(path.join(dir, 'places.geojson'), 'utf8'));
		expect(places.features.map((f: { properties: { id: string } }) => f.properties.id)).toContain('harlingen');
		// The template already cites Natural Earth: sources.yaml is left as it was.
		expect(fs.readFileSync(path.join(dir, 'sources.yaml'), 'utf8')).toBe(sourcesBefore);
		expect(checkStories(root).editions).toEqual([{ id: 'placed', lang: 'en', problems: [] }]);
		expect(() => addPlace(dir, lookUp('Caracas').candidates[0], 'harlingen')).toThrow(/already has a place `harlingen`/);
	});

	it('keeps the file\'s layout: indented like its neighbours, or one feature per line', () => {
		const feature = { type: 'Feature', properties: { id: 'b' } };
		const indented = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'a' } }] }, null, '\t') + '\n';
		expect(appendFeature(indented, feature)).toBe(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'a' } }, feature] }, null, '\t') + '\n');
		const perLine = '{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":{"id":"a"}},\n{"type":"Feature","properties":{"id":"c"}}\n]}\n';
		expect(appendFeature(perLine, feature)).toBe(perLine.replace('"c"}}\n', '"c"}},\n{"type":"Feature","properties":{"id":"b"}}\n'));
		expect(JSON.parse(appendFeature('{"type":"FeatureCollection","features":[]}', feature)).features).toEqual([feature]);
	});

	it('adds the Natural Earth source to sources.yaml once', () => {
		const text = 'article:\n  title: "A"\n  publisher: B\n  url: https://example.org/\n';
		const once = withNaturalEarthSource(text);
		expect(once.startsWith(text)).toBe(true);
		expect(once).toMatch(/\nnatural-earth:\n {2}title: .*\n {2}publisher: Natural Earth\n {2}url: https:\/\/www\.naturalearthdata\.com\/\n$/);
		expect(withNaturalEarthSource(once)).toBe(once);
	});

	it('as a command: an ambiguous name with --add writes nothing and exits 1; narrowed, it is added', () => {
		const root = tempRoot();
		const dir = createStory(root, 'cli-place');
		const before = fs.readFileSync(path.join(dir, 'places.geojson'), 'utf8');
		const run = (...args: string[]) => spawnSync('npx', ['tsx', '--tsconfig', 'scripts/story/tsconfig.json', 'scripts/story/place.ts', 'cli-place', 'San Jose', '--root', root, ...args], { encoding: 'utf8' });
		const ambiguous = run('--add', 'san-jose');
		expect(ambiguous.status).toBe(1);
		expect(ambiguous.stdout).toMatch(/"San Jose" is ambiguous: \d+ matches\.\n {2}1\. San José: capital, Costa Rica \(CR\)/);
		expect(ambiguous.stdout).toContain('Nothing written.');
		expect(fs.readFileSync(path.join(dir, 'places.geojson'), 'utf8')).toBe(before);
		const added = run('--country', 'CR', '--add', 'san-jose');
		expect(added.status).toBe(0);
		expect(added.stdout).toContain('Added place `san-jose`');
		expect(added.stdout).toContain('✓ cli-place (en)');
		expect(JSON.parse(fs.readFileSync(path.join(dir, 'places.geojson'), 'utf8')).features.at(-1).properties).toMatchObject({ id: 'san-jose', kind: 'capital', precision: 'city', country: 'Costa Rica' });
	}, 60_000);
});
