/**
 * Lining a static map up with the live map in a box of any size. The picture is framed for the reference view; the
 * live map frames the same state for the box and its padding. Both are Web Mercator, so the one is the other scaled
 * and moved: this gives where to put the picture, with the map it draws beyond its frame (the bleed) in view.
 */
import { framingMaxZoom, type BasemapDetail } from '$lib/geo/framing';
import { withLabelRoom } from '$lib/map/controller';
import type { MapState } from '$lib/story/types';
import { cameraForBounds, constrain, projector, type Camera, type View } from './camera';
import { BLEED, DRAWN_AREA_VIEW, REFERENCE_VIEW } from './reference';

/** The camera the live map settles on for a state in a view: the controller's framing, then MapLibre's constraint. */
export function stateCamera(state: Pick<MapState, 'bounds' | 'camera' | 'maxZoom' | 'labelExtent'>, view: View, detail?: BasemapDetail): Camera | undefined {
	if (state.camera) {
		const { center, zoom, bearing = 0 } = state.camera;
		return constrain({ center, zoom, bearing }, view);
	}
	if (!state.bounds) return undefined;
	const fitted = cameraForBounds(state.bounds, { ...view, padding: withLabelRoom(view.padding, state.labelExtent ?? 0) }, framingMaxZoom(state, detail));
	return fitted && constrain(fitted, view);
}

/** The whole drawn area of a static map, frame and bleed, in the picture's own pixels (at the reference size). */
export const DRAWN_AREA = { width: REFERENCE_VIEW.width + 2 * BLEED.x, height: REFERENCE_VIEW.height + 2 * BLEED.y };
/** URL fragment that shows the whole drawn area rather than the frame (an SVG view, without the frame's credit). */
export const DRAWN_AREA_FRAGMENT = `#${DRAWN_AREA_VIEW}`;

/** The picture's box in the view, px: the whole drawn area, frame and bleed. */
export interface Placement {
	left: number;
	top: number;
	width: number;
	height: number;
}

/** Where to put the state's static map in `view` so that every place lands where the live map draws it. */
export function placeStaticMap(state: Pick<MapState, 'bounds' | 'camera' | 'maxZoom' | 'labelExtent'>, view: View, detail?: BasemapDetail): Placement | undefined {
	const reference = stateCamera(state, REFERENCE_VIEW, detail);
	const live = stateCamera(state, view, detail);
	if (!reference || !live) return undefined;
	const scale = 2 ** (live.zoom - reference.zoom);
	// The picture's centre is the reference camera's centre; find it on the live map.
	const [x, y] = projector(live, view)(...reference.center);
	const { width, height } = DRAWN_AREA;
	return { left: x - (width / 2) * scale, top: y - (height / 2) * scale, width: width * scale, height: height * scale };
}
