/**
 * StaticMap's `align` mode: the static picture, scaled and moved into a box of any size, puts every place on the pixel
 * where the live map (the controller's framing for that box and padding) draws it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { placeStaticMap, stateCamera } from '$lib/static-map/align';
import { projector, type View } from '$lib/static-map/camera';
import { applyMapState } from '$lib/static-map/map-state';
import { withLabelRoom } from '$lib/map/controller';
import { mapPictures, storyStyle, type MapPicture } from '$lib/static-map/pictures';
import { BLEED, REFERENCE_VIEW } from '$lib/static-map/reference';
import { fixtureBasemap, fixtureStory } from './static-map-fixture';

const viewArbitrary = fc
	.record({
		width: fc.integer({ min: 320, max: 2560 }),
		height: fc.integer({ min: 320, max: 1440 }),
		top: fc.integer({ min: 0, max: 120 }),
		right: fc.integer({ min: 0, max: 200 }),
		bottom: fc.integer({ min: 0, max: 400 }),
		left: fc.integer({ min: 0, max: 700 })
	})
	.map(({ width, height, ...padding }): View => ({ width, height, padding }))
	.filter(({ width, height, padding }) => width - padding.left - padding.right >= 40 && height - padding.top - padding.bottom >= 40);
const RUNS = { numRuns: 60, seed: 20250315 };

/** The pictures the view leaves room to frame once the controller adds room for their labels (else there is no framing to compare). */
const framedIn = (view: View, pictures: MapPicture[]) =>
	pictures.filter(({ state }) => {
		const room = withLabelRoom(view.padding, state.labelExtent ?? 0);
		return view.width - room.left - room.right >= 40 && view.height - room.top - room.bottom >= 40;
	});

describe('a static map lined up with the live map', () => {
	const story = fixtureStory();
	const basemap = fixtureBasemap();
	const style = storyStyle(story, basemap);
	const pictures = mapPictures(story);

	it('uses the camera the live controller asks for', () => {
		fc.assert(
			fc.property(viewArbitrary, (view) => {
				for (const picture of framedIn(view, pictures)) {
					const expected = applyMapState(style, picture.state, view, basemap.detail).camera;
					const camera = stateCamera(picture.state, view, basemap.detail)!;
					expect(camera.zoom).toBeCloseTo(expected.zoom, 9);
					expect(camera.center[0]).toBeCloseTo(expected.center[0], 9);
					expect(camera.center[1]).toBeCloseTo(expected.center[1], 9);
				}
			}),
			RUNS
		);
	}, 60_000);

	it('puts every place where the live map draws it, in any box and padding', () => {
		fc.assert(
			fc.property(viewArbitrary, (view) => {
				for (const picture of framedIn(view, pictures)) {
					const placement = placeStaticMap(picture.state, view, basemap.detail)!;
					const drawn = { width: REFERENCE_VIEW.width + 2 * BLEED.x, height: REFERENCE_VIEW.height + 2 * BLEED.y };
					// The box has the drawn area's shape, so the SVG view fills it without bands.
					expect(placement.width / placement.height).toBeCloseTo(drawn.width / drawn.height, 9);
					const scale = placement.width / drawn.width;
					const inPicture = projector(stateCamera(picture.state, REFERENCE_VIEW, basemap.detail)!, REFERENCE_VIEW);
					const live = projector(stateCamera(picture.state, view, basemap.detail)!, view);
					for (const place of story.places.features) {
						const [lng, lat] = place.geometry.coordinates as [number, number];
						const [px, py] = inPicture(lng, lat);
						const [x, y] = live(lng, lat);
						expect(Math.abs(placement.left + (px + BLEED.x) * scale - x)).toBeLessThan(1e-6 * Math.max(1, Math.abs(x)));
						expect(Math.abs(placement.top + (py + BLEED.y) * scale - y)).toBeLessThan(1e-6 * Math.max(1, Math.abs(y)));
					}
				}
			}),
			RUNS
		);
	}, 60_000);
});
