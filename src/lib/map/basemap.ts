/**
 * The basemap's vocabulary, shared by the build (`npm run geo`, geo/scripts) and the style: the layers of a story's
 * basemap file (each feature's `layer`), the zooms at which the style draws them, and where the files are.
 *
 * A story's basemap is one GeoJSON file generated into its folder (`stories/<id>/basemap.geojson`), served at
 * `/data/<id>/basemap.json` and named by the story's map data (`/data/<id>/<lang>/map.json`); the world's land,
 * borders and lakes at low zoom, shared by every story, are `geo/basemap/world.geojson`.
 */
import type { BasemapDetail } from '$lib/geo/framing';

/** Layers of a story's basemap file, in drawing order. */
export const STORY_LAYERS = [
	'land',
	'detail-mask',
	'land-detail',
	'lakes',
	'urban',
	'states',
	'borders',
	'sea-labels',
	'cities',
	'country-labels'
] as const;
export type StoryLayer = (typeof STORY_LAYERS)[number];

/** Zooms at which the style switches layers; the build keeps each layer where a view reaches its zoom. */
export const BASEMAP_ZOOM = {
	/** The shared 1:110m world land is drawn below this zoom… */
	worldLandUntil: 3.5,
	/** …and the story's 1:50m countries from this one (they overlap, so no gap shows). */
	land: 3,
	/** State and province lines. */
	states: 4,
	/** The 1:10m coast replaces the 1:50m one (inside the detail regions, masked in the sea colour first). */
	detail: 6,
	/** Built-up areas. */
	urban: 7,
	/** Natural Earth 1:10m runs out of detail past here (its coast is quantised to about 400 m). */
	detailUntil: 10
} as const;

/** What the map needs to know of a story's basemap: where it is, and how far it has detail. */
export interface StoryBasemap {
	/** Absolute, or relative to the map data file that names it (`../basemap.json`). */
	url: string;
	detail: BasemapDetail;
}
