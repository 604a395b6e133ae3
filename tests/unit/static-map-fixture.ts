/**
 * The small valid fixture story (tests/fixtures/valid), validated as the site validates a story, and its basemap,
 * built in memory by the geo scripts as `npm run geo` builds a story's (so it never goes stale), for the static map
 * tests.
 */
import fs from 'node:fs';
import { validateStory } from '$lib/story/validate';
import type { Story } from '$lib/story/types';
import type { Basemap } from '$lib/static-map/basemap';
import { parseBasemapFile } from '$lib/static-map/basemap';
import { buildStoryBasemap } from '../../geo/scripts/basemap';
import { countryFeatures, worldAtlas } from '../../geo/scripts/natural-earth';
import { storyViews } from '../../geo/scripts/views';

const DIR = 'tests/fixtures/valid';
let story: Story | undefined;
let basemap: Basemap | undefined;

export function fixtureStory(): Story {
	if (story) return story;
	const file = (name: string) => ({ path: `${DIR}/${name}`, text: fs.readFileSync(`${DIR}/${name}`, 'utf8') });
	story = validateStory({
		story: file('story.en.yaml'),
		sources: file('sources.yaml'),
		places: file('places.geojson'),
		routeDefs: file('route-defs.json'),
		routes: file('routes.geojson'),
		placeKinds: file('place-kinds.yaml'),
		countries: countryFeatures(worldAtlas('countries-10m'))
	});
	return story;
}

/** The fixture story's basemap: its own (built now) and the shared world file. */
export function fixtureBasemap(): Basemap {
	if (basemap) return basemap;
	const built = buildStoryBasemap(storyViews([fixtureStory().chapters]), fixtureStory().places.features);
	basemap = {
		story: { type: 'FeatureCollection', features: built.features },
		world: parseBasemapFile('geo/basemap/world.geojson', fs.readFileSync('geo/basemap/world.geojson', 'utf8')),
		detail: built.detail,
		// Natural Earth's names: the fixture is English.
		labelNames: { countries: {}, places: {} }
	};
	return basemap!;
}
