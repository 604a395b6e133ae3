/**
 * What the static maps draw the basemap from: feature collections by layer name (`land`, `borders`, `cities` …), the
 * names the live style (src/lib/map/style.ts) gives its basemap sources. Where the files come from is one adapter.
 */
import type { FeatureCollection } from 'geojson';

export type Basemap = Record<string, FeatureCollection>;

/** Today's layout: one file per layer, `geo/basemap/<layer>.geojson`, given as `{ path: text }`. */
export function basemapFromLayerFiles(files: Record<string, string>): Basemap {
	const layers: Basemap = {};
	for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const name = /([^/]+)\.geojson$/.exec(path)?.[1];
		if (!name) continue;
		try {
			layers[name] = JSON.parse(text) as FeatureCollection;
		} catch (error) {
			throw new Error(`${path}: not valid JSON (${(error as Error).message}). Run \`npm run geo\` to rebuild the basemap.`);
		}
	}
	return layers;
}
