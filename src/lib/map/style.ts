/**
 * Builds the MapLibre style from the basemap derived into geo/basemap (served from this site) and the
 * story's places and routes. No glyph server, sprite or tile server: labels use the page's own fonts.
 */
import type { StyleSpecification, LayerSpecification, LineLayerSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { FeatureCollection, LineString, Point, Polygon } from 'geojson';
import circle from '@turf/circle';
import type { PlaceProperties, RouteProperties } from '$lib/story/types';
import { isSettlement } from '$lib/story/vocabulary.js';
import { COLOR } from '$lib/colors';
import { FONT, LAYER, SOURCE } from './ids';
import { ROUTE_LAYERS } from './route-layers';
import { belowMinimum, labelOffset, uncertaintyRadius, withUncertaintyPixels } from './uncertainty';

type Labelled<P> = P & { label: string };
export type StoryPlaces = FeatureCollection<Point, Labelled<PlaceProperties>>;
export type StoryRoutes = FeatureCollection<LineString, Labelled<RouteProperties>>;


/** Basemap files by name (e.g. `land`), each a URL emitted by Vite from geo/basemap. Never inlined as data: URLs,
 * however small: the kiosk's map worker inherits the page's Content-Security-Policy, whose connect-src is the site. */
const basemapFiles = import.meta.glob('/geo/basemap/*.geojson', { query: '?url&no-inline', import: 'default', eager: true }) as Record<
	string,
	string
>;
export const BASEMAP_URLS: Record<string, string> = Object.fromEntries(
	Object.entries(basemapFiles).map(([path, url]) => [path.replace(/^.*\/(.+)\.geojson$/, '$1'), url])
);

/** Approximate places become circles of their uncertainty radius: never drawn as an exact pin. */
export function uncertaintyAreas(places: StoryPlaces): FeatureCollection<Polygon, { id: string; label: string }> {
	return {
		type: 'FeatureCollection',
		features: places.features
			.filter((place) => place.properties.precision === 'approximate')
			.map((place) =>
				circle(place.geometry.coordinates, (place.properties.uncertaintyMeters ?? 1000) / 1000, {
					steps: 48,
					units: 'kilometers',
					properties: { id: place.properties.id, label: place.properties.label }
				})
			)
	};
}

const textFont = (bold = false) => [...(bold ? FONT.bold : FONT.regular)];

function basemapLayers(
	urls: Record<string, string>,
	storyCityNames: string[]
): { sources: StyleSpecification['sources']; layers: LayerSpecification[] } {
	const sources: StyleSpecification['sources'] = {};
	const layers: LayerSpecification[] = [];
	const has = (name: string) => {
		if (!urls[name]) return false;
		sources[`basemap-${name}`] = { type: 'geojson', data: urls[name], attribution: 'Natural Earth' };
		return true;
	};
	const minzoom = ['coalesce', ['get', 'minzoom'], 0] as ExpressionSpecification;
	if (has('world-land'))
		layers.push({
			id: 'world-land',
			type: 'fill',
			source: 'basemap-world-land',
			maxzoom: 3.5,
			paint: { 'fill-color': COLOR.land }
		});
	// The 1:50m land is clipped to the story's region; drawn from zoom 3 so its clip edges never show in a world view.
	if (has('land'))
		layers.push({ id: 'land', type: 'fill', source: 'basemap-land', minzoom: 3, paint: { 'fill-color': COLOR.land } });
	// At city zoom the 1:10m coast replaces the 1:50m one inside the detail boxes: the box is first painted as sea.
	if (has('detail-boxes'))
		layers.push({ id: 'detail-mask', type: 'fill', source: 'basemap-detail-boxes', minzoom: 6, paint: { 'fill-color': COLOR.sea } });
	if (has('land-detail'))
		layers.push({ id: 'land-detail', type: 'fill', source: 'basemap-land-detail', minzoom: 6, paint: { 'fill-color': COLOR.land } });
	if (has('lakes')) layers.push({ id: 'lakes', type: 'fill', source: 'basemap-lakes', paint: { 'fill-color': COLOR.lake } });
	if (has('urban'))
		layers.push({ id: 'urban', type: 'fill', source: 'basemap-urban', minzoom: 7, paint: { 'fill-color': COLOR.urban } });
	if (has('states'))
		layers.push({
			id: 'state-borders',
			type: 'line',
			source: 'basemap-states',
			minzoom: 4,
			paint: { 'line-color': COLOR.stateBorder, 'line-width': 0.8, 'line-dasharray': [3, 2] }
		});
	if (has('borders'))
		layers.push({
			id: 'country-borders',
			type: 'line',
			source: 'basemap-borders',
			paint: {
				'line-color': COLOR.border,
				'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 8, 1.4],
				// Disputed lines and lease limits (a leased base) are not drawn as settled borders.
				'line-dasharray': ['case', ['in', ['get', 'kind'], ['literal', ['disputed', 'lease']]], ['literal', [3, 2]], ['literal', [1, 0]]]
			}
		});
	if (has('sea-labels'))
		layers.push({
			id: 'sea-labels',
			type: 'symbol',
			source: 'basemap-sea-labels',
			filter: ['>=', ['zoom'], minzoom],
			layout: { 'text-field': ['get', 'name'], 'text-font': textFont(), 'text-size': 13, 'text-letter-spacing': 0.15, 'text-max-width': 8 },
			paint: { 'text-color': COLOR.seaLabel, 'text-halo-color': COLOR.sea, 'text-halo-width': 1 }
		});
	if (has('cities'))
		layers.push({
			id: 'city-labels',
			type: 'symbol',
			source: 'basemap-cities',
			// A city the story names is labelled by the story's own layer, not twice.
			filter: ['all', ['>=', ['zoom'], minzoom], ['!', ['in', ['get', 'name'], ['literal', storyCityNames]]]],
			layout: {
				'text-field': ['get', 'name'],
				'text-font': textFont(),
				'text-size': ['case', ['to-boolean', ['get', 'capital']], 13, 12],
				'text-anchor': 'top',
				'text-offset': [0, 0.4],
				'symbol-sort-key': ['coalesce', ['get', 'minzoom'], 0]
			},
			paint: { 'text-color': COLOR.cityLabel, 'text-halo-color': COLOR.halo, 'text-halo-width': 1.2 }
		});
	if (has('country-labels'))
		layers.push({
			id: 'country-labels',
			type: 'symbol',
			source: 'basemap-country-labels',
			filter: ['>=', ['zoom'], minzoom],
			layout: {
				'text-field': ['get', 'name'],
				'text-font': textFont(true),
				'text-size': ['interpolate', ['linear'], ['zoom'], 2, 11, 6, 15],
				'text-transform': 'uppercase',
				'text-letter-spacing': 0.1,
				'text-max-width': 7
			},
			paint: { 'text-color': COLOR.countryLabel, 'text-halo-color': COLOR.halo, 'text-halo-width': 1.2 }
		});
	return { sources, layers };
}

export interface StyleText {
	/** Second label line under an approximate place, in the story's language. */
	approximateNote: string;
}

export function buildStyle(
	places: StoryPlaces,
	routes: StoryRoutes,
	text: StyleText,
	basemapUrls = BASEMAP_URLS
): StyleSpecification {
	const storyCityNames = places.features.flatMap((place) =>
		isSettlement(place.properties.drawAs) ? Object.values(place.properties.name) : []
	);
	const basemap = basemapLayers(basemapUrls, storyCityNames);
	// Basemap labels go above the story's routes (a route never runs through a name) and below its places.
	const basemapShapes = basemap.layers.filter((layer) => layer.type !== 'symbol');
	const basemapLabels = basemap.layers.filter((layer) => layer.type === 'symbol');
	const pinned = ['!=', ['get', 'precision'], 'approximate'] as ExpressionSpecification;
	const approximate = ['==', ['get', 'precision'], 'approximate'] as ExpressionSpecification;
	return {
		version: 8,
		name: 'Story map basemap (Natural Earth)',
		sources: {
			...basemap.sources,
			[SOURCE.places]: { type: 'geojson', data: withUncertaintyPixels(places) },
			[SOURCE.uncertainty]: { type: 'geojson', data: uncertaintyAreas(places) },
			[SOURCE.routes]: { type: 'geojson', data: routes, lineMetrics: true }
		},
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': COLOR.sea } },
			...basemapShapes,
			// Zoomed out, an approximate place keeps a visible area rather than shrinking to a speck that reads as a pin.
			{
				id: LAYER.uncertaintyMinimum,
				type: 'circle',
				source: SOURCE.places,
				filter: approximate,
				paint: {
					'circle-radius': uncertaintyRadius(),
					'circle-color': COLOR.accent,
					'circle-opacity': belowMinimum(0.08),
					'circle-stroke-color': COLOR.accent,
					'circle-stroke-width': 1.5,
					'circle-stroke-opacity': belowMinimum(0.35)
				}
			},
			{ id: LAYER.uncertaintyFill, type: 'fill', source: SOURCE.uncertainty, paint: { 'fill-color': COLOR.accent, 'fill-opacity': 0.08 } },
			{
				id: LAYER.uncertaintyLine,
				type: 'line',
				source: SOURCE.uncertainty,
				paint: { 'line-color': COLOR.accent, 'line-width': 1.5, 'line-dasharray': [2, 2], 'line-opacity': 0.35 }
			},
			...Object.values(ROUTE_LAYERS).map(
				(layer): LineLayerSpecification => ({
					id: layer.id,
					type: 'line',
					source: SOURCE.routes,
					// No route shows until a step names it (the controller sets this filter).
					filter: ['all', layer.filter, ['in', ['get', 'id'], ['literal', []]]] as unknown as ExpressionSpecification,
					layout: { 'line-cap': 'round', 'line-join': 'round' },
					paint: {
						'line-width': layer.width,
						'line-gradient': ['step', ['line-progress'], layer.color, 1, layer.color],
						...('dash' in layer ? { 'line-dasharray': [...layer.dash] } : {})
					}
				})
			),
			...basemapLabels,
			{
				id: LAYER.placeDots,
				type: 'circle',
				source: SOURCE.places,
				filter: pinned,
				paint: {
					'circle-color': COLOR.muted,
					'circle-radius': 4,
					'circle-stroke-color': COLOR.halo,
					'circle-stroke-width': ['case', ['==', ['get', 'precision'], 'city'], 3, 1.5]
				}
			},
			{
				id: LAYER.placeLabels,
				type: 'symbol',
				source: SOURCE.places,
				layout: {
					'text-field': [
						'case',
						['==', ['get', 'precision'], 'approximate'],
						['format', ['get', 'label'], {}, `\n(${text.approximateNote})`, { 'font-scale': 0.85 }],
						['get', 'label']
					],
					'text-font': textFont(true),
					'text-size': 14,
					'text-max-width': 10,
					'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
					// An approximate place's label sits at the edge of its area, at whatever zoom, never beside a neighbour.
					'text-radial-offset': labelOffset(),
					'text-justify': 'auto',
					'symbol-sort-key': 1
				},
				paint: { 'text-color': COLOR.mutedLabel, 'text-halo-color': COLOR.halo, 'text-halo-width': 1.6 }
			}
		]
	};
}
