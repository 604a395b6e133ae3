/** The basemap for an edition's static maps: the story's file and the shared world file, as the live map loads them,
 * with its labels in the edition's language. */
import worldText from '../../../geo/basemap/world.geojson?raw';
import { basemapDetail, basemapText } from '$lib/map/basemap.server';
import { labelNames } from '$lib/map/label-names.server';
import { parseBasemapFile, type Basemap } from './basemap';

const cache = new Map<string, Basemap>();

export function basemapFor(storyId: string, lang: string): Basemap {
	const key = `${storyId}/${lang}`;
	const cached = cache.get(key);
	if (cached) return cached;
	const basemap = {
		story: parseBasemapFile(`stories/${storyId}/basemap.geojson`, basemapText(storyId)),
		world: parseBasemapFile('geo/basemap/world.geojson', worldText),
		detail: basemapDetail(storyId),
		labelNames: labelNames(storyId, lang)
	};
	cache.set(key, basemap);
	return basemap;
}
