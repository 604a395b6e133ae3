/**
 * The static maps are framed by the same math as the live map: the camera a chapter's bounds give, and where a place
 * lands in the picture, agree with MapLibre's own code (its mercator transform and cameraForBoxAndBearing, run here
 * from maplibre-gl's sources), through the live map's controller.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cameraForBounds, constrain, MAP_MAX_ZOOM, projector, type View } from '$lib/static-map/camera';
import { framingMaxZoom } from '$lib/geo/framing';
import { withLabelRoom } from '$lib/map/controller';
import { applyMapState } from '$lib/static-map/map-state';
import { mapPictures, pictureSvg, storyStyle } from '$lib/static-map/pictures';
import { REFERENCE_VIEW } from '$lib/static-map/reference';
import { notoSans } from '$lib/static-map/fonts.server';
import { fixtureBasemap, fixtureStory } from './static-map-fixture';

type Bounds = [number, number, number, number];

/**
 * maplibre-gl's own sources, loaded at run time by path: a literal import would make the type checker check them
 * against this project's settings. The few members used are typed here.
 */
interface LngLatInstance {
	lng: number;
	lat: number;
}
interface Transform {
	resize(width: number, height: number): void;
	setZoom(zoom: number): void;
	setCenter(center: LngLatInstance): void;
	center: LngLatInstance;
	zoom: number;
	locationToScreenPoint(lngLat: LngLatInstance): { x: number; y: number };
}
const source = (file: string) => import(/* @vite-ignore */ `../../node_modules/maplibre-gl/src/${file}`);
const [{ MercatorTransform }, { cameraForBoxAndBearing }, { LngLat }, { LngLatBounds }] = (await Promise.all([
	source('geo/projection/mercator_transform.ts'),
	source('geo/projection/camera_helper.ts'),
	source('geo/lng_lat.ts'),
	source('geo/lng_lat_bounds.ts')
])) as [
	{ MercatorTransform: new (options: Record<string, unknown>) => Transform },
	{ cameraForBoxAndBearing: (...args: unknown[]) => { center: LngLatInstance; zoom: number } | undefined },
	{ LngLat: { new (lng: number, lat: number): LngLatInstance; convert(value: unknown): LngLatInstance } },
	{ LngLatBounds: new (sw: [number, number], ne: [number, number]) => unknown }
];

/** What MapLibre shows for `map.cameraForBounds(bounds, { padding, maxZoom })` then `map.jumpTo(camera)`, drawing world copies as StoryMap does. */
function maplibreView(bounds: Bounds, view: View, maxZoom: number) {
	const transform = new MercatorTransform({ minZoom: 0, maxZoom: MAP_MAX_ZOOM, minPitch: 0, maxPitch: 60, renderWorldCopies: true });
	transform.resize(view.width, view.height);
	const noPadding = { top: 0, right: 0, bottom: 0, left: 0 };
	const fitted = cameraForBoxAndBearing(
		{ padding: view.padding, offset: [0, 0], maxZoom },
		view.padding,
		noPadding,
		new LngLatBounds([bounds[0], bounds[1]], [bounds[2], bounds[3]]),
		0,
		transform
	);
	if (!fitted) return undefined;
	transform.setZoom(fitted.zoom);
	transform.setCenter(LngLat.convert(fitted.center));
	return {
		center: [transform.center.lng, transform.center.lat] as [number, number],
		zoom: transform.zoom,
		project: (lng: number, lat: number) => {
			const point = transform.locationToScreenPoint(new LngLat(lng, lat));
			return [point.x, point.y] as [number, number];
		}
	};
}

const latitude = fc.double({ min: -70, max: 70, noNaN: true });
const longitude = fc.double({ min: -175, max: 175, noNaN: true });
const boundsArbitrary = fc
	.tuple(longitude, latitude, fc.double({ min: 0.001, max: 120, noNaN: true }), fc.double({ min: 0.001, max: 60, noNaN: true }))
	.map(([west, south, width, height]): Bounds => [west, south, Math.min(179.9, west + width), Math.min(80, south + height)]);
const viewArbitrary = fc
	.record({
		width: fc.integer({ min: 320, max: 1920 }),
		height: fc.integer({ min: 320, max: 1200 }),
		top: fc.integer({ min: 0, max: 120 }),
		right: fc.integer({ min: 0, max: 200 }),
		bottom: fc.integer({ min: 0, max: 120 }),
		left: fc.integer({ min: 0, max: 300 })
	})
	.map(({ width, height, ...padding }): View => ({ width, height, padding }))
	// Padding that leaves no room has no framing to compare (both give up or divide by zero).
	.filter(({ width, height, padding }) => width - padding.left - padding.right >= 20 && height - padding.top - padding.bottom >= 20);
/** A fixed seed: 20250420the same cases on every run. */
const RUNS = { numRuns: 300, seed: 20250420 };

describe('static map framing', () => {
	it('gives the camera MapLibre gives for the same bounds, padding and maximum zoom', () => {
		fc.assert(
			fc.property(boundsArbitrary, viewArbitrary, fc.double({ min: 2, max: 14, noNaN: true }), (bounds, view, maxZoom) => {
				const expected = maplibreView(bounds, view, maxZoom);
				const fitted = cameraForBounds(bounds, view, maxZoom);
				expect(fitted === undefined).toBe(expected === undefined);
				if (!expected || !fitted) return;
				const camera = constrain(fitted, view);
				expect(camera.zoom).toBeCloseTo(expected.zoom, 9);
				expect(camera.center[0]).toBeCloseTo(expected.center[0], 6);
				expect(camera.center[1]).toBeCloseTo(expected.center[1], 6);
			}),
			RUNS
		);
	}, 60_000);

	it('projects a place to the pixel MapLibre projects it to', () => {
		fc.assert(
			fc.property(boundsArbitrary, viewArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (bounds, view, u, v) => {
				const expected = maplibreView(bounds, view, 12);
				const fitted = cameraForBounds(bounds, view, 12);
				if (!expected || !fitted) return;
				const lng = bounds[0] + u * (bounds[2] - bounds[0]);
				const lat = bounds[1] + v * (bounds[3] - bounds[1]);
				const [x, y] = projector(constrain(fitted, view), view)(lng, lat);
				const [ex, ey] = expected.project(lng, lat);
				expect(Math.abs(x - ex)).toBeLessThan(1e-6);
				expect(Math.abs(y - ey)).toBeLessThan(1e-6);
			}),
			RUNS
		);
	}, 60_000);

	it('frames every picture of a story through the live controller as MapLibre would, and draws each place where MapLibre puts it', () => {
		const story = fixtureStory();
		const basemap = fixtureBasemap();
		for (const picture of mapPictures(story)) {
			const { camera } = applyMapState(storyStyle(story, basemap), picture.state, REFERENCE_VIEW, basemap.detail);
			const { bounds, camera: declared } = picture.state;
			const expected = bounds
				? maplibreView(bounds, { ...REFERENCE_VIEW, padding: withLabelRoom(REFERENCE_VIEW.padding, picture.state.labelExtent ?? 0) }, framingMaxZoom(picture.state, basemap.detail))!
				: { center: declared!.center, zoom: declared!.zoom };
			expect(camera.zoom, picture.id).toBeCloseTo(expected.zoom, 9);
			expect(camera.center[0], picture.id).toBeCloseTo(expected.center[0], 7);
			expect(camera.center[1], picture.id).toBeCloseTo(expected.center[1], 7);

			const svg = pictureSvg(story, picture, basemap, notoSans().measure);
			const project = projector(camera, REFERENCE_VIEW);
			const pinned = story.places.features.filter((place) => place.properties.precision !== 'approximate');
			for (const place of pinned) {
				const match = new RegExp(`<circle data-id="${place.properties.id}" cx="([-\\d.]+)" cy="([-\\d.]+)"`).exec(svg);
				const [x, y] = project(...(place.geometry.coordinates as [number, number]));
				const visible = x >= -300 && x <= REFERENCE_VIEW.width + 300 && y >= -285 && y <= REFERENCE_VIEW.height + 285;
				expect(Boolean(match), `${picture.id}: ${place.properties.id} drawn`).toBe(visible);
				if (!match) continue;
				expect(Math.abs(Number(match[1]) - x), `${picture.id}: ${place.properties.id} x`).toBeLessThanOrEqual(0.05);
				expect(Math.abs(Number(match[2]) - y), `${picture.id}: ${place.properties.id} y`).toBeLessThanOrEqual(0.05);
			}
		}
	}, 60_000);
});
