/**
 * Loads and validates the story folders for the site. Vite globs them as raw text, so `npm run dev` reloads when
 * any story file changes and the build (prerender) fails with the validation message.
 *
 * Published stories live in `stories/<id>/`. The test fixtures in `tests/fixtures/stories/<id>/` join them only
 * when the site is built with STORY_FIXTURES=1 (as `npm test` does); they are never part of a real build.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// As text: Vite's JSON-to-module transform of this 3.6 MB file takes many seconds; JSON.parse takes milliseconds.
import countriesTopologyText from 'world-atlas/countries-10m.json?raw';
import { storyFolders, validateEdition, type StoryFolder } from './catalog';
import type { Story } from './types';
import type { CountryFeature } from './validate';

const published = import.meta.glob<string>('/stories/*/*.{yaml,json,geojson}', { query: '?raw', import: 'default', eager: true });
const fixtures = import.meta.glob<string>('/tests/fixtures/stories/*/*.{yaml,json,geojson}', { query: '?raw', import: 'default', eager: true });

const folders: StoryFolder[] = storyFolders(process.env.STORY_FIXTURES === '1' ? { ...published, ...fixtures } : published);
const stories = new Map<string, Story>();
let countries: CountryFeature[] | undefined;

/** Every story folder the site publishes, by id. */
export function storyIds(): string[] {
	return folders.map((folder) => folder.id);
}

/** Languages with a story file for `storyId`, English first. */
export function availableLangs(storyId: string): string[] {
	return folderOf(storyId).langs;
}

/** Every (story, lang) pair the site publishes: the `entries()` of every per-edition route. */
export function editions(): { story: string; lang: string }[] {
	return folders.flatMap((folder) => folder.langs.map((lang) => ({ story: folder.id, lang })));
}

/** The validated edition; throws a StoryValidationError listing every problem in the files. */
export function loadStory(storyId: string, lang: string): Story {
	const key = `${storyId}/${lang}`;
	const cached = stories.get(key);
	if (cached) return cached;
	const story = validateEdition(folderOf(storyId), lang, (countries ??= naturalEarthCountries()));
	stories.set(key, story);
	return story;
}

function folderOf(storyId: string): StoryFolder {
	const folder = folders.find((f) => f.id === storyId);
	if (!folder) throw new Error(`No story folder \`${storyId}\`. Stories: ${storyIds().join(', ')}.`);
	return folder;
}

function naturalEarthCountries(): CountryFeature[] {
	const topology = JSON.parse(countriesTopologyText) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
	return feature(topology, topology.objects.countries).features as CountryFeature[];
}
