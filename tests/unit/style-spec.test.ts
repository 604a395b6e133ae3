/**
 * The map style built for every story and edition, and every expression the controller sets on it for every chapter,
 * checked against the MapLibre style specification. MapLibre itself only logs a warning for a bad value and draws
 * the layer wrong or not at all; here it fails a test with the layer and property.
 *
 * Stories come from stories/ (and tests/fixtures/stories/ when it exists), read with node:fs like the site reads them.
 */
import { describe, expect, it, vi } from 'vitest';
import { createExpression, latest, validateStyleMin, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { allStoryFolders, naturalEarthCountries } from '../editions';
import { validateEdition } from '$lib/story/catalog';
import { buildStyle } from '$lib/map/style';
import { createMapController, type MapLike } from '$lib/map/controller';
import { uiText } from '$lib/ui-text';
import { isMapProblem } from '../e2e/guards';

const countries = naturalEarthCountries();

const editions = allStoryFolders().flatMap((folder) =>
	folder.langs.map((lang) => ({ name: `${folder.id} (${lang})`, lang, story: validateEdition(folder, lang, countries) }))
);

type Call = { kind: 'paint' | 'layout' | 'filter'; layer: string; property: string; value: unknown };

/** A stand-in for MapLibre's Map that records every style change the controller makes. */
function recordingMap(calls: Call[]): MapLike {
	return {
		setPaintProperty: (layer, property, value) => calls.push({ kind: 'paint', layer, property, value }),
		setLayoutProperty: (layer, property, value) => calls.push({ kind: 'layout', layer, property, value }),
		setFilter: (layer, value) => calls.push({ kind: 'filter', layer, property: 'filter', value }),
		cameraForBounds: ([[w, s], [e, n]]) => ({ center: [(w + e) / 2, (s + n) / 2], zoom: 5 }),
		flyTo: () => {},
		jumpTo: () => {},
		stop: () => {}
	};
}

/** The style with the calls applied, as MapLibre would hold it; throws on a call to a layer the style lacks. */
function applied(style: StyleSpecification, calls: Call[]): StyleSpecification {
	const copy = structuredClone(style);
	for (const { kind, layer: id, property, value } of calls) {
		const layer = copy.layers.find((l) => l.id === id) as unknown as Record<string, Record<string, unknown> | unknown>;
		if (!layer) throw new Error(`the controller changed layer \`${id}\`, which the style does not have`);
		if (kind === 'filter') layer.filter = value;
		else layer[kind] = { ...(layer[kind] as Record<string, unknown>), [property]: value };
	}
	return copy;
}

/** The style spec's complaints, each naming the layer by id rather than by its index. */
function problems(style: StyleSpecification): string[] {
	return validateStyleMin(style).map((error) =>
		error.message.replace(/^layers\[(\d+)\]/, (whole, index: string) => `layers.${style.layers[Number(index)]?.id ?? whole}`)
	);
}

/** Route drawing as the reader scrolls: nothing, partway, and whole. */
const ROUTE_PROGRESS = [0, 0.37, 1];

describe('the map style and the controller’s expressions against the MapLibre style spec', () => {
	it('finds stories to check', () => {
		expect(editions.length).toBeGreaterThan(0);
	});

	for (const { name, lang, story } of editions) {
		describe(name, () => {
			const style = buildStyle(story.places, story.routes, { approximateNote: uiText(lang).approximateLocation });

			it('the style as built is valid', () => {
				expect(problems(style)).toEqual([]);
			});

			it('every chapter’s emphasis, filters and route gradients are valid', () => {
				const calls: Call[] = [];
				const controller = createMapController(recordingMap(calls));
				const padding = { top: 0, right: 0, bottom: 0, left: 0 };
				for (const chapter of story.chapters) {
					const before = calls.length;
					controller.applyStep(chapter.map, { padding, reducedMotion: true });
					for (const progress of ROUTE_PROGRESS) controller.setRouteProgress(progress);
					// The controller sets only what changed: the map holds every call so far.
					expect(problems(applied(style, calls)), `after chapter \`${chapter.id}\``).toEqual([]);
					if (chapter === story.chapters[0]) expect(calls.length, 'the first chapter sets the emphasis').toBeGreaterThan(before);
				}
				const kinds = new Set(calls.map((call) => `${call.kind}:${call.property}`));
				for (const expected of ['paint:circle-color', 'paint:text-color', 'filter:filter', 'paint:line-gradient'])
					expect(kinds, `the controller set ${expected}`).toContain(expected);
			});
		});
	}

	describe('fails on a broken expression (the checks above can fail)', () => {
		const { lang, story } = editions[0];
		const style = buildStyle(story.places, story.routes, { approximateNote: uiText(lang).approximateLocation });
		const placeDots = style.layers.find((l) => l.type === 'circle')!.id;
		const routeLine = style.layers.find((l) => l.type === 'line' && l.paint && 'line-gradient' in l.paint)!.id;
		const emphasised = ['in', ['get', 'id'], ['literal', ['a']]];

		const broken: [string, Call][] = [
			['a text where a number belongs', { kind: 'paint', layer: placeDots, property: 'circle-radius', value: ['case', emphasised, 'big', 4] }],
			['a case without its fallback', { kind: 'paint', layer: placeDots, property: 'circle-color', value: ['case', emphasised, '#b3261e'] }],
			['an unknown operator', { kind: 'filter', layer: routeLine, property: 'filter', value: ['all', ['==', ['get', 'mode'], 'flight'], ['within-list', ['get', 'id']]] }],
			['a gradient by zoom (line-gradient takes line-progress only)', { kind: 'paint', layer: routeLine, property: 'line-gradient', value: ['step', ['zoom'], '#000', 1, '#fff'] }],
			['a colour that is not one', { kind: 'paint', layer: routeLine, property: 'line-gradient', value: ['step', ['line-progress'], 'reddish', 1, '#fff'] }]
		];
		for (const [what, call] of broken) {
			it(what, () => {
				const where = call.kind === 'filter' ? 'filter' : `${call.kind}.${call.property}`;
				expect(problems(applied(style, [call])).join('\n')).toContain(`layers.${call.layer}.${where}`);
			});
		}
	});

	it('MapLibre’s warning for an expression that fails as it draws is one the browser tests’ guard fails on', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		try {
			// Valid as written, wrong for the data: a feature whose `size` is text where the radius needs a number.
			const radius = createExpression(['case', ['get', 'on'], ['get', 'size'], 4], 'layers.dots.paint.circle-radius', latest.paint_circle['circle-radius'] as StylePropertySpecification);
			if (radius.result !== 'success') throw new Error('the expression should parse');
			radius.value.evaluate({ zoom: 1 }, { type: 1, properties: { on: true, size: 'big' } } as never);
			const warnings = warn.mock.calls.map((args) => args.map(String).join(' '));
			expect(warnings).toHaveLength(1);
			expect(isMapProblem(warnings[0]), warnings[0]).toBe(true);
		} finally {
			warn.mockRestore();
		}
		expect(isMapProblem('[.WebGL-0x1]GL Driver Message (OpenGL, Performance, GL_CLOSE_PATH_NV, High): GPU stall due to ReadPixels')).toBe(false);
	});
});
