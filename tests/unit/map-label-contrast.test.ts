/**
 * Map labels are text drawn on a canvas, where axe cannot see them: their contrast is checked here, on the style built
 * for every story and edition and on the colours the controller gives labels for every chapter. A label with a halo
 * of at least 1 px is read against its halo; one without, against every surface of the basemap it may sit on (the sea
 * and each land fill). WCAG 2.1 AA for text: 4.5:1.
 *
 * Stories come from stories/ (and tests/fixtures/stories/ when it exists), read with node:fs like the site reads them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { Color } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { storyFolders, validateEdition } from '$lib/story/catalog';
import type { CountryFeature } from '$lib/story/validate';
import { buildStyle } from '$lib/map/style';
import { createMapController, type MapLike } from '$lib/map/controller';
import { uiText } from '$lib/ui-text';

const AA_TEXT = 4.5;
/** A halo this wide (px) or wider is what the label is read against. */
const HALO_MIN_WIDTH = 1;

const topology = JSON.parse(fs.readFileSync('node_modules/world-atlas/countries-10m.json', 'utf8')) as Topology<{
	countries: GeometryCollection<{ name: string }>;
}>;
const countries = feature(topology, topology.objects.countries).features as CountryFeature[];

function storyFiles(roots: string[]): Record<string, string> {
	const files: Record<string, string> = {};
	for (const root of roots.filter((r) => fs.existsSync(r))) {
		for (const dir of fs.readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
			for (const name of fs.readdirSync(path.join(root, dir.name))) {
				if (/\.(yaml|json|geojson)$/.test(name)) files[`/${root}/${dir.name}/${name}`] = fs.readFileSync(path.join(root, dir.name, name), 'utf8');
			}
		}
	}
	return files;
}

const editions = storyFolders(storyFiles(['stories', 'tests/fixtures/stories'])).flatMap((folder) =>
	folder.langs.map((lang) => ({ name: `${folder.id} (${lang})`, lang, story: validateEdition(folder, lang, countries) }))
);

// ---------------------------------------------------------------------------------------------------------------------
// Colour arithmetic (WCAG 2.1 relative luminance and contrast ratio).

type Rgba = { r: number; g: number; b: number; a: number };

function parseColor(value: string): Rgba {
	const color = Color.parse(value);
	if (!color) throw new Error(`\`${value}\` is not a colour`);
	// Color.parse gives channels premultiplied by alpha.
	const { r, g, b, a } = color;
	return a === 0 ? { r: 0, g: 0, b: 0, a } : { r: r / a, g: g / a, b: b / a, a };
}

/** `top` painted over the opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
	const mix = (t: number, b: number) => t * top.a + b * (1 - top.a);
	return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

function luminance({ r, g, b }: Rgba): number {
	const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
	return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: Rgba, b: Rgba): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (light + 0.05) / (dark + 0.05);
}

// ---------------------------------------------------------------------------------------------------------------------
// What a paint property can be.

/**
 * Every colour a paint value can give: a colour itself, or each output of a `case`, `match`, `step`, `coalesce` or
 * `interpolate` (with the midpoint of each pair of stops). Anything else is a value this test cannot judge, and fails.
 */
function possibleColors(value: unknown, where: string): string[] {
	if (typeof value === 'string') return [value];
	if (!Array.isArray(value)) throw new Error(`${where}: cannot tell which colours ${JSON.stringify(value)} gives`);
	const [operator, ...args] = value as [string, ...unknown[]];
	const outputs = (list: unknown[]) => list.flatMap((item) => possibleColors(item, where));
	switch (operator) {
		case 'case':
			// condition, output, …, fallback
			return outputs(args.filter((_, i) => i % 2 === 1 || i === args.length - 1));
		case 'match':
			// input, label, output, …, fallback
			return outputs(args.slice(1).filter((_, i, rest) => i % 2 === 1 || i === rest.length - 1));
		case 'step':
			// input, output, stop, output, …
			return outputs(args.filter((_, i) => i === 1 || (i > 1 && i % 2 === 1)));
		case 'coalesce':
			return outputs(args);
		case 'interpolate': {
			// type, input, stop, output, …
			const stops = outputs(args.slice(2).filter((_, i) => i % 2 === 1));
			const midpoints = stops.slice(1).map((to, i) => Color.interpolate(Color.parse(stops[i])!, Color.parse(to)!, 0.5).toString());
			return [...stops, ...midpoints];
		}
		default:
			throw new Error(`${where}: cannot tell which colours \`${operator}\` gives`);
	}
}

/** The colours a label may sit on where it has no halo: the sea and every fill of the basemap. */
function surfaces(style: StyleSpecification): { layer: string; color: string }[] {
	return style.layers.flatMap((layer: LayerSpecification) => {
		if (layer.type === 'background') return possibleColors(layer.paint?.['background-color'] ?? '#000', layer.id).map((color) => ({ layer: layer.id, color }));
		if (layer.type === 'fill' && layer.source.startsWith('basemap-'))
			return possibleColors(layer.paint?.['fill-color'] ?? '#000', layer.id).map((color) => ({ layer: layer.id, color }));
		return [];
	});
}

interface LabelContrast {
	layer: string;
	text: string;
	against: string;
	ratio: number;
}

/** Every pairing of a label's text colour with what it is read against, in `style`. */
function labelContrasts(style: StyleSpecification): LabelContrast[] {
	const grounds = surfaces(style);
	if (!grounds.length) throw new Error('the style has no background or basemap fill');
	const symbols = style.layers.filter((layer): layer is SymbolLayerSpecification => layer.type === 'symbol');
	return symbols.flatMap((layer) => {
		const paint = layer.paint ?? {};
		if (paint['text-opacity'] !== undefined && paint['text-opacity'] !== 1) throw new Error(`${layer.id}: text-opacity is not checked here`);
		const texts = possibleColors(paint['text-color'] ?? '#000000', `${layer.id}.text-color`);
		const haloWidth = paint['text-halo-width'] ?? 0;
		if (typeof haloWidth !== 'number') throw new Error(`${layer.id}: text-halo-width is an expression; give it a number`);
		const halos = haloWidth >= HALO_MIN_WIDTH ? possibleColors(paint['text-halo-color'] ?? 'rgba(0,0,0,0)', `${layer.id}.text-halo-color`) : [];
		// An opaque halo is all a label is read against; a translucent one is seen over each surface.
		const backs = halos.length
			? halos.flatMap((halo) =>
					parseColor(halo).a === 1
						? [{ against: `halo ${halo}`, color: parseColor(halo) }]
						: grounds.map((ground) => ({ against: `halo ${halo} over ${ground.layer}`, color: over(parseColor(halo), parseColor(ground.color)) }))
				)
			: grounds.map((ground) => ({ against: `${ground.layer} ${ground.color}`, color: parseColor(ground.color) }));
		return texts.flatMap((text) => backs.map(({ against, color }) => ({ layer: layer.id, text, against, ratio: contrast(over(parseColor(text), color), color) })));
	});
}

const tooLow = (pairs: LabelContrast[]) =>
	pairs.filter((pair) => pair.ratio < AA_TEXT).map((pair) => `${pair.layer}: ${pair.text} on ${pair.against} is ${pair.ratio.toFixed(2)}:1`);

// ---------------------------------------------------------------------------------------------------------------------

/** A stand-in for MapLibre's Map that keeps the paint properties the controller sets. */
function paintingMap(style: StyleSpecification): MapLike {
	const layer = (id: string) => style.layers.find((l) => l.id === id) as unknown as { paint?: Record<string, unknown>; layout?: Record<string, unknown> };
	return {
		setPaintProperty: (id, property, value) => void (layer(id).paint = { ...layer(id).paint, [property]: value }),
		setLayoutProperty: (id, property, value) => void (layer(id).layout = { ...layer(id).layout, [property]: value }),
		setFilter: () => {},
		cameraForBounds: ([[w, s], [e, n]]) => ({ center: [(w + e) / 2, (s + n) / 2], zoom: 5 }),
		flyTo: () => {},
		jumpTo: () => {},
		stop: () => {}
	};
}

describe('map labels reach 4.5:1 against their halo, or the sea and land without one', () => {
	it('finds stories to check', () => {
		expect(editions.length).toBeGreaterThan(0);
	});

	for (const { name, lang, story } of editions) {
		describe(name, () => {
			const build = () => buildStyle(story.places, story.routes, { approximateNote: uiText(lang).approximateLocation });

			it('the style as built, before any chapter is shown', () => {
				const pairs = labelContrasts(build());
				expect(new Set(pairs.map((pair) => pair.layer)).size, 'symbol layers checked').toBeGreaterThan(0);
				expect(tooLow(pairs)).toEqual([]);
			});

			it('the label colours the controller sets for each chapter', () => {
				const style = build();
				const controller = createMapController(paintingMap(style));
				const padding = { top: 0, right: 0, bottom: 0, left: 0 };
				for (const chapter of story.chapters) {
					controller.applyStep(chapter.map, { padding, reducedMotion: true });
					expect(tooLow(labelContrasts(style)), `after chapter \`${chapter.id}\``).toEqual([]);
				}
			});
		});
	}

	describe('the check can fail', () => {
		const style = (paint: SymbolLayerSpecification['paint']): StyleSpecification => ({
			version: 8,
			sources: { 'basemap-land': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
			layers: [
				{ id: 'sea', type: 'background', paint: { 'background-color': '#c9dbe6' } },
				{ id: 'land', type: 'fill', source: 'basemap-land', paint: { 'fill-color': '#f4f1ea' } },
				{ id: 'labels', type: 'symbol', source: 'basemap-land', paint }
			]
		});

		it('a pale label on a white halo', () => {
			expect(tooLow(labelContrasts(style({ 'text-color': '#8c8c8c', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 })))).toEqual(['labels: #8c8c8c on halo #ffffff is 3.36:1']);
		});
		it('a label with too thin a halo is read against the sea and the land', () => {
			const low = tooLow(labelContrasts(style({ 'text-color': '#6f8fa3', 'text-halo-color': '#ffffff', 'text-halo-width': 0.5 })));
			expect(low.join('\n')).toMatch(/on sea #c9dbe6/);
		});
		it('one branch of an expression', () => {
			const paint = { 'text-color': ['case', ['get', 'on'], '#333333', '#aaaaaa'], 'text-halo-color': '#ffffff', 'text-halo-width': 2 };
			expect(tooLow(labelContrasts(style(paint as SymbolLayerSpecification['paint']))).join('\n')).toMatch(/#aaaaaa/);
		});
		it('a colour expression it cannot read', () => {
			const paint = { 'text-color': ['to-color', ['get', 'colour']] };
			expect(() => labelContrasts(style(paint as SymbolLayerSpecification['paint']))).toThrow(/cannot tell which colours `to-color` gives/);
		});
		it('the ratio itself: black on white is 21:1, and a colour on itself 1:1', () => {
			expect(contrast(parseColor('#000'), parseColor('#fff'))).toBeCloseTo(21, 5);
			expect(contrast(parseColor('#c9dbe6'), parseColor('#c9dbe6'))).toBe(1);
		});
	});
});
