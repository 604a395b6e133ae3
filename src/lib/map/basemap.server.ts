/**
 * The stories' generated basemap files (`stories/<id>/basemap.geojson`, made by `npm run geo`), read as text for
 * the site to serve at /data/<id>/basemap.json. Test fixtures' join them when the site is built with
 * STORY_FIXTURES=1, as their stories do (src/lib/story/load.server.ts).
 */
import type { BasemapDetail } from '$lib/geo/framing';

const published = import.meta.glob<string>('/stories/*/basemap.geojson', { query: '?raw', import: 'default', eager: true });
const fixtures = import.meta.glob<string>('/tests/fixtures/stories/*/basemap.geojson', { query: '?raw', import: 'default', eager: true });
const files = process.env.STORY_FIXTURES === '1' ? { ...published, ...fixtures } : published;

/** Whether the story's basemap has been generated (`npm run geo`, which the build runs first). */
export function hasBasemap(storyId: string): boolean {
	return Object.keys(files).some((path) => path.endsWith(`/${storyId}/basemap.geojson`));
}

/** The story's basemap file; throws, saying what to run, when it has not been generated. */
export function basemapText(storyId: string): string {
	const text = Object.entries(files).find(([path]) => path.endsWith(`/${storyId}/basemap.geojson`))?.[1];
	if (text === undefined) throw new Error(`stories/${storyId}/basemap.geojson not found. Run \`npm run geo\` to generate the story's basemap.`);
	return text;
}

/** How far the story's basemap has detail (the `basemap.detail` header on its first line). */
export function basemapDetail(storyId: string): BasemapDetail {
	const text = basemapText(storyId);
	const firstLine = text.slice(0, text.indexOf('\n'));
	const header = JSON.parse(firstLine.replace(/"features":\[$/, '"features":[]}')) as { basemap?: { detail?: BasemapDetail } };
	if (!header.basemap?.detail) throw new Error(`stories/${storyId}/basemap.geojson has no detail header. Run \`npm run geo -- --force\`.`);
	return header.basemap.detail;
}
