/**
 * What the static maps draw the basemap from: the same two collections the live map loads, the story's basemap
 * (`stories/<id>/basemap.geojson`) and the shared world file (`geo/basemap/world.geojson`), whose features carry
 * the `layer` the style filters on.
 */
import type { FeatureCollection } from 'geojson';
import type { BasemapDetail } from '$lib/geo/framing';
import type { LabelNames } from '$lib/map/style';

export interface Basemap {
	story: FeatureCollection;
	world: FeatureCollection;
	detail: BasemapDetail;
	/** Its labels in the edition's language. */
	labelNames: LabelNames;
}

/** Parses a basemap file's text; a broken file names itself and what to run. */
export function parseBasemapFile(path: string, text: string): FeatureCollection {
	try {
		return JSON.parse(text) as FeatureCollection;
	} catch (error) {
		throw new Error(`${path}: not valid JSON (${(error as Error).message}). Run \`npm run geo -- --force\` to rebuild the basemap.`);
	}
}
