/**
 * What a story's map shows: every chapter's view (and the overview before the first chapter) on a few reference
 * screens, as MapLibre would frame it (Web Mercator, 512-pixel tiles, the page's padding). The basemap build
 * keeps what these views can show, at the detail their zoom needs.
 */
import { framingMaxZoom, unionBounds, type Bounds } from '$lib/geo/framing';
import { overviewState } from '$lib/geo/overview';
import type { Chapter, MapState } from '$lib/story/types';
import { boxContains, boxesOverlap, expand } from './geometry';

interface Screen {
	name: string;
	width: number;
	height: number;
	/** The part of the map the text covers, as the mode's page pads its framing. */
	padding: { top: number; right: number; bottom: number; left: number };
}

/** The layouts the pages frame chapters in (src/routes/[lang]/[story]/…): scroll page on a laptop and on a phone,
 * a landscape kiosk, a small embed. Other screens see about the same places at about the same zooms. */
export const SCREENS: Screen[] = [
	{ name: 'desktop', width: 1280, height: 800, padding: { top: 80, right: 150, bottom: 60, left: 621 } },
	{ name: 'phone', width: 390, height: 844, padding: { top: 80, right: 110, bottom: 422, left: 50 } },
	{ name: 'kiosk', width: 1920, height: 1080, padding: { top: 86, right: 154, bottom: 486, left: 1030 } },
	{ name: 'embed', width: 640, height: 480, padding: { top: 56, right: 141, bottom: 48, left: 44 } }
];

/** The map's own zoom limit (StoryMap). */
const MAP_MAX_ZOOM = 14;
const TILE = 512;
const MAX_LATITUDE = 85.051129;
/** Every view's extent is grown by this fraction on each side: other screen sizes, the flight between chapters. */
const MARGIN = 0.1;

export interface View {
	/** Chapter id, or `overview`. */
	chapter: string;
	screen: string;
	zoom: number;
	center: [number, number];
	/** What the screen shows (with the margin), [west, south, east, north]; east may exceed 180. */
	bounds: Bounds;
}

const mercatorX = (lon: number) => (lon + 180) / 360;
const mercatorY = (lat: number) => {
	const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
	return (1 - Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) / Math.PI) / 2;
};
const longitudeOf = (x: number) => x * 360 - 180;
const latitudeOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** The camera MapLibre's cameraForBounds gives for a map state on a screen (or the state's explicit camera). */
function cameraOn(state: MapState, screen: Screen): { center: [number, number]; zoom: number } {
	const minZoom = Math.log2(screen.height / TILE); // MapLibre never shows beyond the poles
	if (state.camera) return { center: state.camera.center, zoom: Math.max(minZoom, Math.min(MAP_MAX_ZOOM, state.camera.zoom)) };
	const [west, south, east, north] = state.bounds!;
	const { top, right, bottom, left } = screen.padding;
	const [x0, x1, y0, y1] = [mercatorX(west), mercatorX(east), mercatorY(north), mercatorY(south)];
	const fit = Math.min((screen.width - left - right) / ((x1 - x0) * TILE), (screen.height - top - bottom) / ((y1 - y0) * TILE));
	const maxZoom = Math.min(MAP_MAX_ZOOM, framingMaxZoom(state));
	const zoom = Math.max(minZoom, Math.min(maxZoom, Number.isFinite(fit) ? Math.log2(fit) : maxZoom));
	const worldSize = TILE * 2 ** zoom;
	const x = (x0 + x1) / 2 - (left - right) / 2 / worldSize;
	const halfHeight = screen.height / 2 / worldSize;
	const y = Math.max(halfHeight, Math.min(1 - halfHeight, (y0 + y1) / 2 - (top - bottom) / 2 / worldSize));
	return { center: [longitudeOf(x), latitudeOf(y)], zoom };
}

/** What a camera shows on a screen, [west, south, east, north]. */
function visibleBounds(center: [number, number], zoom: number, screen: Screen): Bounds {
	const worldSize = TILE * 2 ** zoom;
	const halfWidth = screen.width / 2 / worldSize;
	const halfHeight = screen.height / 2 / worldSize;
	const x = mercatorX(center[0]);
	const y = Math.max(halfHeight, Math.min(1 - halfHeight, mercatorY(center[1])));
	const west = longitudeOf(x - halfWidth);
	const width = halfWidth * 2 * 360;
	const south = latitudeOf(Math.min(1, y + halfHeight));
	const north = latitudeOf(Math.max(0, y - halfHeight));
	if (width >= 360) return [-180, south, 180, north];
	const wrappedWest = ((((west + 180) % 360) + 360) % 360) - 180;
	return [wrappedWest, south, wrappedWest + width, north];
}

/** Every view of a story: the overview and each chapter of each edition, on each reference screen. */
export function storyViews(editions: Chapter[][]): View[] {
	const views = new Map<string, View>();
	for (const chapters of editions) {
		const states: [string, MapState][] = [['overview', overviewState(chapters)], ...chapters.map((c): [string, MapState] => [c.id, c.map])];
		for (const [chapter, state] of states) {
			for (const screen of SCREENS) {
				const { center, zoom } = cameraOn(state, screen);
				const view = { chapter, screen: screen.name, zoom, center, bounds: expand(visibleBounds(center, zoom, screen), MARGIN) };
				views.set(JSON.stringify(view), view);
			}
		}
	}
	return [...views.values()];
}

/** Boxes covering the views that reach `minZoom`, overlapping ones merged (so nothing is clipped twice). */
export function coverage(views: View[], minZoom = 0): Bounds[] {
	let boxes = views.filter((v) => v.zoom >= minZoom).map((v) => v.bounds);
	for (let merged = true; merged; ) {
		merged = false;
		outer: for (let i = 0; i < boxes.length; i++) {
			for (let j = i + 1; j < boxes.length; j++) {
				if (!boxesOverlap(boxes[i], boxes[j])) continue;
				boxes = [...boxes.filter((_, k) => k !== i && k !== j), unionBounds([boxes[i], boxes[j]])];
				merged = true;
				break outer;
			}
		}
	}
	return boxes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** Degrees per screen pixel at a zoom and latitude (Web Mercator, 512-pixel tiles). */
export function degreesPerPixel(zoom: number, lat = 0): number {
	return (360 / (TILE * 2 ** zoom)) * Math.cos((lat * Math.PI) / 180);
}

/** The highest zoom of the views showing a point (−Infinity where none does). */
function zoomAt(views: View[], point: number[]): number {
	let zoom = -Infinity;
	for (const view of views) if (view.zoom > zoom && boxContains(view.bounds, point)) zoom = view.zoom;
	return zoom;
}

/** True when some view shows the point at `minzoom` or closer. */
export function shownAt(views: View[], point: number[], minzoom: number): boolean {
	return zoomAt(views, point) >= minzoom;
}
