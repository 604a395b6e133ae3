import { describe, it, expect, beforeEach } from 'vitest';
import { createMapController, type MapLike } from '$lib/map/controller';
import { LAYER } from '$lib/map/ids';
import { ROUTE_LAYERS } from '$lib/map/route-layers';
import type { MapState } from '$lib/story/types';

/** A stand-in for maplibre's Map that records what the controller did to it. */
function mockMap() {
	const calls: { method: string; args: unknown[] }[] = [];
	const paint = new Map<string, unknown>();
	const filters = new Map<string, unknown>();
	const map: MapLike & { calls: typeof calls; paint: typeof paint; filters: typeof filters } = {
		calls,
		paint,
		filters,
		setPaintProperty: (layer, property, value) => {
			calls.push({ method: 'setPaintProperty', args: [layer, property, value] });
			paint.set(`${layer}.${property}`, value);
		},
		setLayoutProperty: (layer, property, value) => calls.push({ method: 'setLayoutProperty', args: [layer, property, value] }),
		setFilter: (layer, filter) => {
			calls.push({ method: 'setFilter', args: [layer, filter] });
			filters.set(layer, filter);
		},
		// A fake projection: the centre of the bounds, a zoom that shrinks as the box grows.
		cameraForBounds: ([[w, s], [e, n]], options) => {
			calls.push({ method: 'cameraForBounds', args: [options] });
			return { center: { lng: (w + e) / 2, lat: (s + n) / 2 }, zoom: 10 - Math.log2(Math.max(e - w, n - s)) };
		},
		flyTo: (options) => calls.push({ method: 'flyTo', args: [options] }),
		jumpTo: (options) => calls.push({ method: 'jumpTo', args: [options] }),
		stop: () => calls.push({ method: 'stop', args: [] })
	};
	return map;
}

const padding = { top: 10, right: 10, bottom: 10, left: 300 };
const onePlace: MapState = { places: ['place-a'], routes: [], frame: ['place-a'], bounds: [-89, 13, -88, 14] };
const twoPlaces: MapState = {
	places: ['place-a', 'place-b'],
	routes: ['route-ab'],
	frame: ['route-ab'],
	bounds: [-89, 10, -66, 14]
};
const flight: MapState = { places: ['place-c'], routes: ['route-c'], frame: [], bounds: [-98, 13, -87, 27] };

/** The route ids a route layer's filter lets through. */
function visibleRoutes(filter: unknown): string[] {
	return (filter as [string, unknown, [string, unknown, [string, string[]]]])[2][2][1];
}
function emphasised(map: ReturnType<typeof mockMap>): string[] {
	// ['case', isCity, ['case', ['in', ['get', 'id'], ['literal', ids]], accent, muted], halo]
	const expression = map.paint.get(`${LAYER.placeDots}.circle-stroke-color`) as unknown[];
	return ((expression[2] as unknown[])[1] as [string, unknown, [string, string[]]])[2][1];
}

describe('map controller', () => {
	let map: ReturnType<typeof mockMap>;
	beforeEach(() => (map = mockMap()));

	it('flies to the framing of the step', () => {
		const controller = createMapController(map);
		const target = controller.applyStep(twoPlaces, { padding, reducedMotion: false });
		const fly = map.calls.find((call) => call.method === 'flyTo');
		expect(fly).toBeDefined();
		expect((fly!.args[0] as { center: number[] }).center).toEqual([-77.5, 12]);
		expect(target?.center).toEqual([-77.5, 12]);
		expect(map.calls.some((call) => call.method === 'jumpTo')).toBe(false);
	});

	it('keeps room at the sides for the framed places’ labels, never less than the layout asked for', () => {
		const controller = createMapController(map);
		controller.applyStep({ ...twoPlaces, labelExtent: 150 }, { padding, reducedMotion: true });
		const [options] = map.calls.find((call) => call.method === 'cameraForBounds')!.args as [{ padding: typeof padding }];
		expect(options.padding).toEqual({ top: 24, bottom: 24, left: 300, right: 150 });
	});

	it('never flies when motion is reduced', () => {
		const controller = createMapController(map);
		controller.applyStep(onePlace, { padding, reducedMotion: true });
		controller.applyStep(twoPlaces, { padding, reducedMotion: true });
		expect(map.calls.filter((call) => call.method === 'flyTo')).toHaveLength(0);
		expect(map.calls.filter((call) => call.method === 'jumpTo')).toHaveLength(2);
	});

	it('lets the latest step win: no stale highlight or route after a fast sequence', () => {
		const controller = createMapController(map);
		for (const state of [onePlace, twoPlaces, flight, onePlace, twoPlaces, flight]) controller.applyStep(state, { padding, reducedMotion: false });
		expect(emphasised(map)).toEqual(['place-c']);
		for (const layer of Object.values(ROUTE_LAYERS)) expect(visibleRoutes(map.filters.get(layer.id))).toEqual(['route-c']);
		const lastMove = map.calls.filter((call) => call.method === 'flyTo').at(-1)!.args[0] as { center: number[] };
		expect(lastMove.center).toEqual([-92.5, 20]);
		// Each move stops the one before it, so flight never stack.
		expect(map.calls.filter((call) => call.method === 'stop')).toHaveLength(6);
	});

	it('is idempotent: applying the same step again changes no style property', () => {
		const controller = createMapController(map);
		controller.applyStep(twoPlaces, { padding, reducedMotion: true });
		const styleCalls = map.calls.filter((call) => !['jumpTo', 'stop', 'cameraForBounds'].includes(call.method)).length;
		controller.applyStep(twoPlaces, { padding, reducedMotion: true });
		expect(map.calls.filter((call) => !['jumpTo', 'stop', 'cameraForBounds'].includes(call.method)).length).toBe(styleCalls);
	});

	it('uses a declared camera instead of framing', () => {
		const controller = createMapController(map);
		controller.applyStep({ ...onePlace, camera: { center: [-80, 15], zoom: 3 }, bounds: undefined }, { padding, reducedMotion: true });
		expect(map.calls.find((call) => call.method === 'jumpTo')!.args[0]).toMatchObject({ center: [-80, 15], zoom: 3, bearing: 0 });
	});

	it('honours a declared camera on or past the 180° meridian as it is', () => {
		const controller = createMapController(map);
		controller.applyStep({ ...onePlace, camera: { center: [180, -17], zoom: 5 }, bounds: undefined }, { padding, reducedMotion: true });
		controller.applyStep({ ...onePlace, camera: { center: [185, -17], zoom: 5 }, bounds: undefined }, { padding, reducedMotion: false });
		expect(map.calls.find((call) => call.method === 'jumpTo')!.args[0]).toMatchObject({ center: [180, -17] });
		expect(map.calls.find((call) => call.method === 'flyTo')!.args[0]).toMatchObject({ center: [185, -17] });
	});

	it('frames bounds across the 180° meridian without folding them back', () => {
		const framed: unknown[] = [];
		const controller = createMapController({ ...map, cameraForBounds: (bounds, options) => (framed.push(bounds, options), map.cameraForBounds(bounds, options)) });
		controller.applyStep({ ...onePlace, bounds: [177.4, -17.8, 202.1, 21.3] }, { padding, reducedMotion: true });
		expect(framed[0]).toEqual([[177.4, -17.8], [202.1, 21.3]]);
	});

	it('zooms a framing only as far as the story’s basemap has detail, unless the chapter sets max-zoom', () => {
		const maxZooms: (number | undefined)[] = [];
		const detail = { maxZoom: 6, regions: [{ bounds: [-90, 13, -88, 14] as [number, number, number, number], maxZoom: 10 }] };
		const controller = createMapController(
			{ ...map, cameraForBounds: (bounds, options) => (maxZooms.push(options.maxZoom), map.cameraForBounds(bounds, options)) },
			detail
		);
		const single = (lon: number, lat: number, maxZoom?: number): MapState => ({ ...onePlace, bounds: [lon, lat, lon + 0.01, lat + 0.01], ...(maxZoom && { maxZoom }) });
		for (const state of [single(-88.8, 13.5), single(-60, 10), single(-60, 10, 12)]) controller.applyStep(state, { padding, reducedMotion: true });
		expect(maxZooms).toEqual([9, 6, 12]);
	});

	it('draws routes up to the step progress', () => {
		const controller = createMapController(map);
		controller.setRouteProgress(0.4);
		const gradient = map.paint.get(`${ROUTE_LAYERS.flight.id}.line-gradient`) as unknown[];
		expect(gradient[3]).toBe(0.4);
		expect(gradient[4]).toBe('rgba(0,0,0,0)');
		controller.setRouteProgress(1);
		expect((map.paint.get(`${ROUTE_LAYERS.flight.id}.line-gradient`) as unknown[])[4]).toBe(ROUTE_LAYERS.flight.color);
	});
});
