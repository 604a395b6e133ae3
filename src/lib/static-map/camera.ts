/**
 * Web Mercator at MapLibre's 512-pixel tiles, and the camera MapLibre settles on for a framing. `cameraForBounds` and
 * `constrain` follow maplibre-gl 6's `cameraForBoxAndBearing` (mercator: the box's corners) and its mercator
 * transform's default constraint for a map that draws world copies, as StoryMap does (zoom range, no view past the
 * poles; any longitude), so the same bounds and padding give the same view as the live map.
 */
import type { Padding } from '$lib/map/controller';

export const TILE_SIZE = 512;
const MAX_LATITUDE = 85.051129;
/** StoryMap's `maxZoom` (its `minZoom` is MapLibre's default, 0). */
export const MAP_MAX_ZOOM = 14;

/** A picture's size in CSS pixels and the room the framing leaves free around the framed places. */
export interface View {
	width: number;
	height: number;
	padding: Padding;
}

export interface Camera {
	center: [number, number];
	zoom: number;
	bearing: number;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Longitude and latitude to the 0…1 Web Mercator world square (y down). */
export function mercatorX(lng: number): number {
	return (180 + lng) / 360;
}
export function mercatorY(lat: number): number {
	const clamped = clamp(lat, -MAX_LATITUDE, MAX_LATITUDE);
	return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))) / 360;
}
function lngFromMercatorX(x: number): number {
	return x * 360 - 180;
}
function latFromMercatorY(y: number): number {
	return (360 / Math.PI) * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180)) - 90;
}

export const worldSize = (zoom: number) => TILE_SIZE * 2 ** zoom;

/** The camera that fits [west, south, east, north] inside the view less its padding, as `map.cameraForBounds`. */
export function cameraForBounds(
	[west, south, east, north]: [number, number, number, number],
	view: View,
	maxZoom: number
): Camera | undefined {
	if (west > east) east += 360;
	const x0 = mercatorX(west);
	const x1 = mercatorX(east);
	const y0 = mercatorY(north);
	const y1 = mercatorY(south);
	const { padding } = view;
	const availableWidth = view.width - padding.left - padding.right;
	const availableHeight = view.height - padding.top - padding.bottom;
	if (availableWidth < 0 || availableHeight < 0) return undefined;
	const scale = Math.min(availableWidth / ((x1 - x0) * TILE_SIZE), availableHeight / ((y1 - y0) * TILE_SIZE));
	const zoom = Math.min(Math.log2(scale), maxZoom);
	const size = worldSize(zoom);
	const middleX = (x0 + x1) / 2 - (padding.left - padding.right) / 2 / size;
	const middleY = (y0 + y1) / 2 - (padding.top - padding.bottom) / 2 / size;
	return { center: [lngFromMercatorX(middleX), latFromMercatorY(middleY)], zoom, bearing: 0 };
}

/**
 * Where the live map ends up after `jumpTo(camera)`: MapLibre sets the zoom (constrained), then the center
 * (constrained at that zoom).
 */
export function constrain(camera: Camera, view: Pick<View, 'width' | 'height'>): Camera {
	const { zoom } = mapConstraint(camera.center, camera.zoom, view);
	return { ...mapConstraint(camera.center, zoom, view), bearing: camera.bearing };
}

/**
 * The mercator transform's `defaultConstrain` with world copies (StoryMap's `renderWorldCopies`, MapLibre's default):
 * zoom range, no view past the poles; the longitude is free. A centre MapLibre moves comes back wrapped to ±180°.
 */
function mapConstraint(center: [number, number], requestedZoom: number, view: Pick<View, 'width' | 'height'>) {
	const zoom = clamp(requestedZoom, 0, MAP_MAX_ZOOM);
	const size = worldSize(zoom);
	const [minY, maxY] = [mercatorY(MAX_LATITUDE) * size, mercatorY(-MAX_LATITUDE) * size];
	const x = mercatorX(center[0]) * size;
	let y = mercatorY(center[1]) * size;
	const wrapped = (newY: number) => [wrapLongitude(lngFromMercatorX(x / size)), latFromMercatorY(newY / size)] as [number, number];
	if (maxY - minY < view.height) {
		// The world is shorter than the view: MapLibre zooms in until it fills it.
		return { center: wrapped((minY + maxY) / 2), zoom: zoom + Math.log2(view.height / (maxY - minY)) };
	}
	const h2 = view.height / 2;
	if (y - h2 >= minY && y + h2 <= maxY) return { center, zoom };
	y = y - h2 < minY ? minY + h2 : maxY - h2;
	return { center: wrapped(y), zoom };
}

/** A longitude in (-180, 180], as MapLibre's `LngLat.wrap`. */
function wrapLongitude(lng: number): number {
	const wrapped = ((((lng + 180) % 360) + 360) % 360) - 180;
	return wrapped === -180 ? 180 : wrapped;
}

/** Longitude/latitude to the view's pixels for a camera: MapLibre's `map.project` at pitch 0. */
export function projector(camera: Camera, view: Pick<View, 'width' | 'height'>): (lng: number, lat: number) => [number, number] {
	const size = worldSize(camera.zoom);
	const cx = mercatorX(camera.center[0]) * size;
	const cy = mercatorY(camera.center[1]) * size;
	const angle = (-camera.bearing * Math.PI) / 180;
	const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
	const [halfWidth, halfHeight] = [view.width / 2, view.height / 2];
	return (lng, lat) => {
		const dx = mercatorX(lng) * size - cx;
		const dy = mercatorY(lat) * size - cy;
		return [halfWidth + dx * cos - dy * sin, halfHeight + dx * sin + dy * cos];
	};
}
