/**
 * Every story folder on disk validates in every edition, read with node:fs as the command-line tools read them:
 * the published stories (stories/) and the test fixtures (tests/fixtures/stories/). No story's id or title is named
 * here: what is checked of the fixture across the Pacific is derived from its own files.
 */
import { beforeAll, describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { storyFolders, validateEdition } from '$lib/story/catalog';
import type { Chapter, Story } from '$lib/story/types';
import type { CountryFeature } from '$lib/story/validate';

const topology = JSON.parse(fs.readFileSync('node_modules/world-atlas/countries-10m.json', 'utf8')) as Topology<{
	countries: GeometryCollection<{ name: string }>;
}>;
const countries = feature(topology, topology.objects.countries).features as CountryFeature[];

/** `{ '/stories/<id>/<file>': text }` for every file of every folder under `root`, as the site's glob gives them. */
function readTree(root: string): Record<string, string> {
	const files: Record<string, string> = {};
	for (const dir of fs.readdirSync(root, { withFileTypes: true })) {
		if (!dir.isDirectory()) continue;
		for (const name of fs.readdirSync(path.join(root, dir.name))) {
			files[`/${root}/${dir.name}/${name}`] = fs.readFileSync(path.join(root, dir.name, name), 'utf8');
		}
	}
	return files;
}

const published = storyFolders(readTree('stories'));
const fixtures = storyFolders(readTree('tests/fixtures/stories'));
const editions = [...published, ...fixtures].flatMap((folder) => folder.langs.map((lang) => [folder.dir, lang, folder] as const));

describe('story folders', () => {
	it('are found: at least one published story and one fixture', () => {
		expect(published.length).toBeGreaterThan(0);
		expect(fixtures.length).toBeGreaterThan(0);
	});

	it.each(editions)('%s validates in `%s`', (_dir, lang, folder) => {
		const story = validateEdition(folder, lang, countries);
		expect(story.id).toBe(folder.id);
		expect(story.lang).toBe(lang);
		expect(story.chapters.length).toBeGreaterThan(0);
	});
});

describe('generated map descriptions in every edition not in English', () => {
	/** Words of the English sentences; none of them is Spanish (or any other language the engine speaks). */
	const english = ['the', 'and', 'map', 'shows', 'region', 'highlighted', 'in', 'approximate', 'location', 'within', 'about',
		'line', 'dashed', 'marks', 'route', 'flight', 'road', 'proposed', 'return', 'from', 'via', 'to'];
	const others = editions.filter(([, lang]) => new Intl.Locale(lang).language !== 'en');

	it('exist', () => expect(others.length).toBeGreaterThan(0));

	it.each(others)('%s in `%s` use no English word', (_dir, lang, folder) => {
		const story = validateEdition(folder, lang, countries);
		// Place and route names are the story's own text, in whatever language its files give them.
		const names = [...story.places.features, ...story.routes.features].map((feature) => feature.properties.label);
		const generated = story.chapters.filter((chapter) => !chapter.mapDescriptionByAuthor);
		expect(generated.length).toBeGreaterThan(0);
		for (const chapter of generated) {
			const sentences = names.reduce((text, name) => text.replaceAll(name, ' '), chapter.mapDescription);
			const words = sentences.toLowerCase().split(/[^\p{L}]+/u);
			expect(words.filter((word) => english.includes(word)), `${chapter.id}: ${chapter.mapDescription}`).toEqual([]);
		}
	});
});

describe('the fixture story across the Pacific', () => {
	let stories: Story[] = [];
	let chapters: { story: Story; chapter: Chapter }[] = [];
	beforeAll(() => {
		stories = fixtures.flatMap((folder) => folder.langs.map((lang) => validateEdition(folder, lang, countries)));
		chapters = stories.flatMap((story) => story.chapters.map((chapter) => ({ story, chapter })));
	});
	/** True when two consecutive vertices lie either side of ±180°, whether the line wraps (179.9 → −179.9)
	 * or continues past it (179.9 → 180.1). */
	const wrapped = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;
	const crosses180 = (coordinates: number[][]) =>
		coordinates.some(([lon], i) => i > 0 && Math.abs(wrapped(lon) - wrapped(coordinates[i - 1][0])) > 180);

	it('is not listed on the index and is told from no article', () => {
		expect(stories.every((story) => !story.listed)).toBe(true);
		expect(stories.some((story) => story.article === undefined)).toBe(true);
	});

	it('has a chapter with no places and an explicit camera on the 180° meridian', () => {
		const camera = chapters.find(({ chapter }) => chapter.map.places.length === 0 && chapter.map.camera);
		expect(Math.abs(camera?.chapter.map.camera?.center[0] ?? 0)).toBe(180);
		expect(camera?.chapter.map.bounds).toBeUndefined();
	});

	it('has a chapter framed on a single place', () => {
		expect(chapters.some(({ chapter }) => chapter.map.frame.length === 1 && chapter.map.places.length === 1)).toBe(true);
	});

	it('has an approximate place, described as approximate', () => {
		const approximate = stories.flatMap((story) => story.places.features).find((place) => place.properties.precision === 'approximate');
		expect(approximate?.properties.uncertaintyMeters).toBeGreaterThan(0);
		const chapter = chapters.find(({ chapter }) => chapter.map.places.includes(approximate!.properties.id))?.chapter;
		expect(chapter?.mapDescription).toMatch(/approximate location, within about/);
	});

	it('has a route across the 180° meridian', () => {
		expect(stories.flatMap((story) => story.routes.features).some((route) => crosses180(route.geometry.coordinates))).toBe(true);
	});

	it('names places in a non-Latin script and quotes one in its prose', () => {
		const nonLatin = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Cyrillic}]/u;
		expect(stories.flatMap((story) => story.places.features).some((place) => nonLatin.test(place.properties.label))).toBe(true);
		expect(chapters.some(({ chapter }) => nonLatin.test(chapter.text))).toBe(true);
	});

	it('flags a source an editor could not confirm, with a note', () => {
		const flagged = stories.flatMap((story) => story.sources).find((source) => source.unverified);
		expect(flagged?.note).toBeTruthy();
	});
});
