/** The basemap for a story's static maps: its own file and the shared world file, as the live map loads them. */
import worldText from '../../../geo/basemap/world.geojson?raw';
import { basemapDetail, basemapText } from '$lib/map/basemap.server';
import { parseBasemapFile, type Basemap } from './basemap';

const cache = new Map<string, Basemap>();

export function basemapFor(storyId: string): Basemap {
	const cached = cache.get(storyId);
	if (cached) return cached;
	const basemap = {
		story: parseBasemapFile(`stories/${storyId}/basemap.geojson`, basemapText(storyId)),
		world: parseBasemapFile('geo/basemap/world.geojson', worldText),
		detail: basemapDetail(storyId)
	};
	cache.set(storyId, basemap);
	return basemap;
}
