/**
 * Applies a chapter's declared map state to a map. It knows nothing of scrolling, timers or modes:
 * whoever drives the step index calls `applyStep` with the latest step, and the latest call wins.
 * Every call sets the whole state (emphasis, routes, camera), so applying a step twice is the same as
 * once and no earlier step can leave a highlight or a route behind.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { CameraView, MapState } from '$lib/story/types';
import { COLOR } from '$lib/colors';
import { framingMaxZoom, type BasemapDetail } from '$lib/geo/framing';
import { LAYER } from './ids';
import { ROUTE_LAYERS } from './route-layers';
import { belowMinimum } from './uncertainty';

export interface Padding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface CameraTarget {
	center: [number, number];
	zoom: number;
	bearing: number;
	pitch: number;
}

/** The few MapLibre methods the controller uses; the real Map satisfies it and tests pass a mock. */
export interface MapLike {
	setPaintProperty(layer: string, property: string, value: unknown): unknown;
	setLayoutProperty(layer: string, property: string, value: unknown): unknown;
	setFilter(layer: string, filter: unknown): unknown;
	cameraForBounds(
		bounds: [[number, number], [number, number]],
		options: { padding: Padding; maxZoom?: number }
	): { center?: unknown; zoom?: number } | undefined;
	flyTo(options: Record<string, unknown>): unknown;
	jumpTo(options: Record<string, unknown>): unknown;
	stop(): unknown;
}

export interface ApplyOptions {
	padding: Padding;
	reducedMotion: boolean;
}

const FLIGHT_DURATION_MS = 2200;

/** `detail`: how far the story's basemap has detail, so a framing never zooms in past it (see framingMaxZoom). */
export function createMapController(map: MapLike, detail?: BasemapDetail) {
	/** Last values set, so a repeated step changes nothing on the map. */
	const applied = new Map<string, string>();

	function set(kind: 'paint' | 'layout' | 'filter', layer: string, property: string, value: unknown) {
		const key = `${kind}:${layer}:${property}`;
		const serialised = JSON.stringify(value);
		if (applied.get(key) === serialised) return;
		applied.set(key, serialised);
		if (kind === 'filter') map.setFilter(layer, value);
		else if (kind === 'layout') map.setLayoutProperty(layer, property, value);
		else map.setPaintProperty(layer, property, value);
	}

	function applyEmphasis(state: MapState) {
		const isEmphasised: ExpressionSpecification = ['in', ['get', 'id'], ['literal', [...state.places].sort()]];
		const dotColor = ['case', isEmphasised, COLOR.accent, COLOR.muted];
		// A city is drawn as a ring (the place is the city, not a spot in it); sites and buildings as solid dots.
		const isCity = ['==', ['get', 'precision'], 'city'];
		set('paint', LAYER.placeDots, 'circle-color', ['case', isCity, COLOR.halo, dotColor]);
		set('paint', LAYER.placeDots, 'circle-stroke-color', ['case', isCity, dotColor, COLOR.halo]);
		set('paint', LAYER.placeDots, 'circle-radius', ['case', isEmphasised, 7, 4]);
		// The chapter's own places are drawn over the muted ones.
		set('layout', LAYER.placeDots, 'circle-sort-key', ['case', isEmphasised, 1, 0]);
		set('paint', LAYER.placeLabels, 'text-color', ['case', isEmphasised, COLOR.accentDark, COLOR.mutedLabel]);
		// Emphasised labels are placed first, so a muted neighbour never hides them.
		set('layout', LAYER.placeLabels, 'symbol-sort-key', ['case', isEmphasised, 0, 1]);
		set('paint', LAYER.uncertaintyFill, 'fill-opacity', ['case', isEmphasised, 0.25, 0.08]);
		set('paint', LAYER.uncertaintyLine, 'line-opacity', ['case', isEmphasised, 1, 0.35]);
		set('paint', LAYER.uncertaintyMinimum, 'circle-opacity', belowMinimum(['case', isEmphasised, 0.25, 0.08]));
		set('paint', LAYER.uncertaintyMinimum, 'circle-stroke-opacity', belowMinimum(['case', isEmphasised, 1, 0.35]));
		const routeFilter = ['in', ['get', 'id'], ['literal', [...state.routes].sort()]];
		for (const layer of Object.values(ROUTE_LAYERS)) set('filter', layer.id, 'filter', ['all', layer.filter, routeFilter]);
	}

	function cameraFor(state: MapState, padding: Padding): CameraTarget | undefined {
		if (state.camera) return withDefaults(state.camera);
		if (!state.bounds) return undefined;
		const [west, south, east, north] = state.bounds;
		const camera = map.cameraForBounds(
			[
				[west, south],
				[east, north]
			],
			{ padding: withLabelRoom(padding, state.labelExtent ?? 0), maxZoom: framingMaxZoom(state, detail) }
		);
		if (!camera?.center || camera.zoom === undefined) return undefined;
		return { center: toLngLat(camera.center), zoom: camera.zoom, bearing: 0, pitch: 0 };
	}

	return {
		/** Show the whole state of one step. The latest call wins: a camera move in flight is replaced. */
		applyStep(state: MapState, options: ApplyOptions): CameraTarget | undefined {
			applyEmphasis(state);
			const target = cameraFor(state, options.padding);
			if (!target) return undefined;
			map.stop();
			if (options.reducedMotion) map.jumpTo({ ...target });
			else map.flyTo({ ...target, duration: FLIGHT_DURATION_MS, essential: true });
			return target;
		},

		/** Draw the step's routes up to `progress` (0 to 1) of their length. */
		setRouteProgress(progress: number) {
			const drawn = Math.min(1, Math.max(0, progress));
			for (const layer of Object.values(ROUTE_LAYERS)) {
				const gradient =
					drawn >= 1
						? ['step', ['line-progress'], layer.color, 1, layer.color]
						: ['step', ['line-progress'], layer.color, Math.max(drawn, 0.0001), 'rgba(0,0,0,0)'];
				set('paint', layer.id, 'line-gradient', gradient);
			}
		}
	};
}

export type MapController = ReturnType<typeof createMapController>;

/** Labels sit beside their place, left or right, a line above or below: the padding leaves them room inside the view. */
export function withLabelRoom(padding: Padding, labelExtent: number): Padding {
	const LINE_PX = 24;
	return {
		top: Math.max(padding.top, LINE_PX),
		bottom: Math.max(padding.bottom, LINE_PX),
		left: Math.max(padding.left, labelExtent),
		right: Math.max(padding.right, labelExtent)
	};
}

function withDefaults(camera: CameraView): CameraTarget {
	return { center: camera.center, zoom: camera.zoom, bearing: camera.bearing ?? 0, pitch: camera.pitch ?? 0 };
}

/** cameraForBounds returns a LngLat; plain objects and arrays are accepted so mocks stay simple. */
function toLngLat(center: unknown): [number, number] {
	if (Array.isArray(center)) return [center[0], center[1]];
	const { lng, lat } = center as { lng: number; lat: number };
	return [lng, lat];
}
