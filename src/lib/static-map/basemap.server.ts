/** The basemap for a story's static maps. Every story shares geo/basemap today; a per-story basemap changes only this. */
import { basemapFromLayerFiles, type Basemap } from './basemap';

const files = import.meta.glob<string>('/geo/basemap/*.geojson', { query: '?raw', import: 'default', eager: true });
let shared: Basemap | undefined;

export function basemapFor(_storyId: string): Basemap {
	return (shared ??= basemapFromLayerFiles(files));
}
