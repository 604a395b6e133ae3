/**
 * The static maps as pictures: the fixture story's maps rasterised and compared with committed references (a change
 * to the style, the basemap or the renderer shows as a failing diff, with the diff image in test-results/static-map/);
 * every published edition's maps are deterministic and within the weight budget.
 *
 * After an intended change, look at the new pictures and update the references: UPDATE_GOLDEN=1 npx vitest run
 * tests/unit/static-map-pictures.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { LAYER } from '$lib/map/ids';
import { editions, loadStory } from '$lib/story/load.server';
import { basemapFor } from '$lib/static-map/basemap.server';
import { cardSvg } from '$lib/static-map/card';
import { notoSans } from '$lib/static-map/fonts.server';
import { mapPictures, pictureSvg } from '$lib/static-map/pictures';
import { rasterize } from '$lib/static-map/raster.server';
import { fixtureBasemap, fixtureStory } from './static-map-fixture';

const GOLDEN = 'tests/golden/static-map';
const RESULTS = 'test-results/static-map';
/** Half the reference size keeps the references small; every layer still shows. */
const GOLDEN_WIDTH = 600;
/** Share of pixels that may differ (anti-aliasing between resvg builds), and pixelmatch's per-pixel colour threshold. */
const MAX_DIFFERENT = 0.002;
const THRESHOLD = 0.1;
const MAX_GZIP_BYTES = 60 * 1024;

describe('static map golden images (fixture story)', () => {
	const story = fixtureStory();
	const basemap = fixtureBasemap();
	const { measure } = notoSans();
	const pictures = mapPictures(story);

	it.each(pictures.map((picture) => [picture.id, picture] as const))('%s matches its reference', (id, picture) => {
		const actual = PNG.sync.read(rasterize(pictureSvg(story, picture, basemap, measure), GOLDEN_WIDTH));
		const reference = path.join(GOLDEN, `${id}.png`);
		if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(reference)) {
			if (process.env.CI) throw new Error(`${reference} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/unit/static-map-pictures.test.ts and commit it.`);
			fs.mkdirSync(GOLDEN, { recursive: true });
			fs.writeFileSync(reference, PNG.sync.write(actual));
		}
		const expected = PNG.sync.read(fs.readFileSync(reference));
		expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
		const diff = new PNG({ width: actual.width, height: actual.height });
		const different = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: THRESHOLD });
		if (different > MAX_DIFFERENT * actual.width * actual.height) {
			fs.mkdirSync(RESULTS, { recursive: true });
			fs.writeFileSync(path.join(RESULTS, `${id}.actual.png`), PNG.sync.write(actual));
			fs.writeFileSync(path.join(RESULTS, `${id}.diff.png`), PNG.sync.write(diff));
		}
		expect(different, `${id}: ${different} pixels differ from ${reference}; see ${RESULTS}/${id}.diff.png`).toBeLessThanOrEqual(
			MAX_DIFFERENT * actual.width * actual.height
		);
	}, 30_000);

	it('shows what the chapter declares: its emphasised places, its routes only, approximate places as areas', () => {
		for (const chapter of story.chapters) {
			const svg = pictureSvg(story, mapPictures(story).find((p) => p.id === chapter.id)!, basemap, measure);
			for (const route of story.routes.features) {
				const drawn = svg.includes(`data-layer="story-routes-${route.properties.mode}"`);
				if (chapter.map.routes.includes(route.properties.id)) expect(drawn, `${chapter.id}: ${route.properties.id}`).toBe(true);
			}
			if (chapter.map.routes.length === 0) expect(svg).not.toMatch(/data-layer="story-routes-/);
			const pins = new RegExp(`<g data-layer="${LAYER.placeDots}"[^>]*>(.*?)</g>`).exec(svg)?.[1] ?? '';
			for (const place of story.places.features.filter((p) => p.properties.precision === 'approximate')) {
				expect(pins, `${chapter.id}: ${place.properties.id} is never a pin`).not.toContain(`data-id="${place.properties.id}"`);
				if (chapter.map.places.includes(place.properties.id)) {
					expect(svg, `${chapter.id}: ${place.properties.id} is drawn as an area`).toMatch(new RegExp(`data-layer="${LAYER.uncertaintyMinimum}"[^>]*><circle data-id="${place.properties.id}"`));
				}
			}
			expect(svg).toContain('Natural Earth');
			expect(svg).toContain(`<title>${chapter.mapDescription.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}</title>`);
		}
	}, 30_000);

	it('draws the world on both sides of the 180° meridian, as the live map draws world copies', () => {
		const state = { places: [], routes: [], frame: [], camera: { center: [180, 10] as [number, number], zoom: 2 } };
		const svg = pictureSvg(story, { id: 'date-line', title: '', description: '', state }, basemap, measure, { bleed: { x: 0, y: 0 } });
		const land = /<g data-layer="world-land"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? '';
		// Path starts, east and west of the meridian (the middle of the picture).
		const starts = [...land.matchAll(/M(-?[\d.]+)/g)].map((m) => Number(m[1]));
		expect(starts.some((x) => x < 500), 'land west of the meridian (Asia, Australia)').toBe(true);
		expect(starts.some((x) => x > 700), 'land east of the meridian (the Americas)').toBe(true);
	});

	it('writes the share card with the map and the chapter title', () => {
		const [chapter] = story.chapters;
		const map = pictureSvg(story, pictures.find((p) => p.id === chapter.id)!, basemap, measure, { bleed: { x: 0, y: 0 } });
		const card = cardSvg(map, { kicker: story.title, title: chapter.title }, measure);
		expect(card).toContain(`>${chapter.title}</text>`);
		const png = PNG.sync.read(rasterize(card));
		expect([png.width, png.height]).toEqual([1200, 630]);
	}, 30_000);
});

describe('static maps of every published edition', () => {
	for (const { story: id, lang } of editions()) {
		it(`${id}/${lang}: byte-identical on every build and at most 60 KB gzip each`, () => {
			const story = loadStory(id, lang);
			const { measure } = notoSans();
			for (const picture of mapPictures(story)) {
				const first = pictureSvg(story, picture, basemapFor(id, lang), measure);
				const second = pictureSvg(story, picture, basemapFor(id, lang), measure);
				expect(second === first, `${picture.id} is deterministic`).toBe(true);
				expect(gzipSync(first, { level: 9 }).length, `${picture.id} gzip bytes`).toBeLessThanOrEqual(MAX_GZIP_BYTES);
			}
		}, 120_000);
	}
});
