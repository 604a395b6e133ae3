/**
 * Loads and validates the real story files. Vite globs them as raw text, so `npm run dev` reloads when one
 * changes and the build (prerender) fails with the validation message.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// As text: Vite's JSON-to-module transform of this 3.6 MB file takes many seconds; JSON.parse takes milliseconds.
import countriesTopologyText from 'world-atlas/countries-10m.json?raw';
import type { Story } from './types';
import { validateStory, type CountryFeature } from './validate';

const content = import.meta.glob<string>('/src/content/*.yaml', { query: '?raw', import: 'default', eager: true });
const geo = import.meta.glob<string>(['/geo/*.geojson', '/geo/route-defs.json'], { query: '?raw', import: 'default', eager: true });

const stories = new Map<string, Story>();
let countries: CountryFeature[] | undefined;

/** Languages with a story file, English first. */
export function availableLangs(): string[] {
	const langs = Object.keys(content).flatMap((path) => /\/story\.([^./]+)\.yaml$/.exec(path)?.[1] ?? []);
	return langs.sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
}

/** The validated story for `lang`; throws a StoryValidationError listing every problem in the files. */
export function loadStory(lang = 'en'): Story {
	const cached = stories.get(lang);
	if (cached) return cached;
	const story = validateStory({
		story: file(content, `/src/content/story.${lang}.yaml`),
		sources: file(content, '/src/content/sources.yaml'),
		places: file(geo, '/geo/places.geojson'),
		routeDefs: file(geo, '/geo/route-defs.json'),
		routes: file(geo, '/geo/routes.geojson'),
		countries: (countries ??= naturalEarthCountries())
	});
	stories.set(lang, story);
	return story;
}

function file(files: Record<string, string>, key: string): { path: string; text: string } {
	const text = files[key];
	if (text === undefined) {
		const hint = key.startsWith('/geo/routes')
			? 'Run `npm run geo` to generate it.'
			: `Editions with a story file: ${availableLangs().join(', ')}.`;
		throw new Error(`${key.slice(1)} not found. ${hint}`);
	}
	return { path: key.slice(1), text };
}

function naturalEarthCountries(): CountryFeature[] {
	const topology = JSON.parse(countriesTopologyText) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
	return feature(topology, topology.objects.countries).features as CountryFeature[];
}
