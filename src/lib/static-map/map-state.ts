/**
 * A chapter's map state applied to the live map's style by the live map's own controller: the controller drives a
 * stand-in map that writes its paint, layout and filter changes into a copy of the style and computes its camera with
 * MapLibre's framing (camera.ts). What the static picture draws is therefore what the controller tells MapLibre.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { createMapController, type MapLike } from '$lib/map/controller';
import type { BasemapDetail } from '$lib/geo/framing';
import type { MapState } from '$lib/story/types';
import { cameraForBounds, constrain, MAP_MAX_ZOOM, type Camera, type View } from './camera';

export interface AppliedState {
	style: StyleSpecification;
	camera: Camera;
}

/** `detail`: the story basemap's detail, which limits the framing's zoom as on the live map. */
export function applyMapState(style: StyleSpecification, state: MapState, view: View, detail?: BasemapDetail): AppliedState {
	const copy = structuredClone(style);
	const layer = (id: string) => {
		const found = copy.layers.find((l) => l.id === id);
		if (!found) throw new Error(`static map: the style has no layer \`${id}\``);
		return found as LayerSpecification & { paint?: Record<string, unknown>; layout?: Record<string, unknown>; filter?: unknown };
	};
	let camera: Camera | undefined;
	const settle = (options: Record<string, unknown>) => {
		const target = options as { center: [number, number]; zoom: number; bearing?: number };
		camera = constrain({ center: target.center, zoom: target.zoom, bearing: target.bearing ?? 0 }, view);
	};
	const map: MapLike = {
		setPaintProperty: (id, property, value) => ((layer(id).paint ??= {})[property] = value),
		setLayoutProperty: (id, property, value) => ((layer(id).layout ??= {})[property] = value),
		setFilter: (id, filter) => (layer(id).filter = filter),
		// MapLibre's own default maxZoom is the map's; the controller always passes one.
		cameraForBounds: ([[west, south], [east, north]], { padding, maxZoom = MAP_MAX_ZOOM }) =>
			cameraForBounds([west, south, east, north], { ...view, padding }, maxZoom),
		flyTo: settle,
		jumpTo: settle,
		stop: () => undefined
	};
	const controller = createMapController(map, detail);
	controller.applyStep(state, { padding: view.padding, reducedMotion: true });
	controller.setRouteProgress(1);
	if (!camera) throw new Error('static map: the map state has neither bounds nor a camera');
	return { style: copy, camera };
}
