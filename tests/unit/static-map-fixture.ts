/** The small valid fixture story (tests/fixtures/valid), validated as the site validates a story, for the static map tests. */
import fs from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { validateStory, type CountryFeature } from '$lib/story/validate';
import type { Story } from '$lib/story/types';

const DIR = 'tests/fixtures/valid/';
let story: Story | undefined;

export function fixtureStory(): Story {
	if (story) return story;
	const topology = JSON.parse(fs.readFileSync('node_modules/world-atlas/countries-10m.json', 'utf8')) as Topology<{
		countries: GeometryCollection<{ name: string }>;
	}>;
	const countries = feature(topology, topology.objects.countries).features as CountryFeature[];
	const file = (name: string) => ({ path: DIR + name, text: fs.readFileSync(DIR + name, 'utf8') });
	story = validateStory({
		story: file('story.en.yaml'),
		sources: file('sources.yaml'),
		places: file('places.geojson'),
		routeDefs: file('route-defs.json'),
		routes: file('routes.geojson'),
		countries
	});
	return story;
}
