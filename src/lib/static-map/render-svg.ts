/**
 * Draws a MapLibre style (the live map's, with a chapter's state applied) as SVG for one camera and view. Every
 * paint and layout value is evaluated with MapLibre's own style-spec expressions at the camera's zoom, layer by
 * layer in the style's order, so the picture follows the live style without a second copy of its colours and widths.
 * Supports what the story style uses: background, fill, line, circle and point symbol (text) layers.
 */
import type { Feature, FeatureCollection, Point as GeoPoint } from 'geojson';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { expression, featureFilter, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { mercatorX, projector, worldSize, type Camera, type View } from './camera';
import { linePath, polygonPath, projectGeometry, tenths, type Rect } from './geometry';
import { DRAWN_AREA_VIEW } from './reference';
import { createCollisionIndex, layoutLabel, type Anchor, type LabelStyle, type PlacedLabel, type Section, type TextMeasure } from './labels';

export interface SvgInput {
	/** The style with the chapter's state applied (map-state.ts). */
	style: StyleSpecification;
	camera: Camera;
	view: View;
	/** Each source's features, by source id. */
	sources: Record<string, FeatureCollection>;
	measure: TextMeasure;
	/** px drawn beyond each side of the view, so the picture can fill a box of another shape (see StaticMap.svelte). */
	bleed: { x: number; y: number };
	/** The picture's accessible name (the chapter's map description). */
	title: string;
	lang: string;
	attribution: string;
}

export const FONT_FAMILY = "'Noto Sans', 'Helvetica Neue', Arial, sans-serif";

type AnyLayer = LayerSpecification & { paint?: Record<string, unknown>; layout?: Record<string, unknown>; filter?: unknown; source?: string };
type Evaluated = { zoom: number; lineProgress?: number };
type StyleFeature = { type: 1 | 2 | 3; properties: Record<string, unknown>; geometry?: unknown };

const geometryType = (feature: Feature): 1 | 2 | 3 =>
	/Polygon/.test(feature.geometry.type) ? 3 : /LineString/.test(feature.geometry.type) ? 2 : 1;

/** A layer's property as a function of zoom and feature, evaluated with the style spec's expressions. */
function property(layer: AnyLayer, kind: 'paint' | 'layout', name: string) {
	const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`${kind}_${layer.type}`][name];
	const value = (layer[kind] as Record<string, unknown> | undefined)?.[name] ?? (spec as { default?: unknown }).default;
	if (value === undefined) return () => undefined;
	const compiled = expression.normalizePropertyExpression(value as never, `${layer.id}.${name}`, spec);
	return (globals: Evaluated, feature?: StyleFeature) => compiled.evaluate(globals as never, feature as never);
}

interface Paint {
	color: string;
	opacity: number;
}

/** A style-spec Color as an SVG colour and opacity. */
function paint(color: unknown, opacity = 1): Paint {
	const [r, g, b, a] = (color as { rgb: [number, number, number, number] }).rgb;
	const hex = [r, g, b].map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('');
	return { color: `#${hex}`, opacity: round(a * opacity, 3) };
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const px = (value: number) => tenths(Math.round(value * 10));
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function attributes(values: Record<string, string | number | undefined>): string {
	return Object.entries(values)
		.filter(([, value]) => value !== undefined && value !== '')
		.map(([key, value]) => ` ${key}="${typeof value === 'string' ? escapeXml(value) : value}"`)
		.join('');
}

/** Opacity attributes only when not 1, to keep the file small. */
const opacityOf = (opacity: number) => (opacity === 1 ? undefined : opacity);

export function renderSvg(input: SvgInput): string {
	const { style, camera, view, sources, bleed } = input;
	const zoom = camera.zoom;
	const globals = { zoom };
	/** Filters see the zoom of the source's tiles, as in MapLibre (512-px GeoJSON tiles at the floor of the zoom). */
	const filterGlobals = { zoom: Math.floor(zoom) };
	const project = projector(camera, view);
	const rect: Rect = [-bleed.x, -bleed.y, view.width + bleed.x, view.height + bleed.y];
	const layers = (style.layers as AnyLayer[]).filter(
		(layer) => layer.layout?.visibility !== 'none' && zoom >= (layer.minzoom ?? 0) && zoom < (layer.maxzoom ?? 24)
	);
	const copies = worldCopies(camera, view, bleed);
	const featuresOf = (layer: AnyLayer): { feature: Feature; styleFeature: StyleFeature }[] => {
		const source = layer.source ? sources[layer.source] : undefined;
		if (!source) return [];
		const filter = featureFilter(layer.filter as never, `${layer.id}.filter`);
		return source.features
			.map((feature) => ({ feature, styleFeature: { type: geometryType(feature), properties: feature.properties ?? {} } }))
			.filter(({ styleFeature }) => filter.filter(filterGlobals as never, styleFeature as never))
			.flatMap((item) => copies.map((copy) => (copy === 0 ? item : { ...item, feature: shiftedFeature(item.feature, copy * 360) })));
	};

	// Labels are placed first, top layer first, as MapLibre does; they are drawn in layer order with the rest.
	const labels = new Map<string, string>();
	const collisions = createCollisionIndex();
	for (const layer of [...layers].reverse()) {
		if (layer.type === 'symbol') labels.set(layer.id, symbolLayer(layer, featuresOf(layer), { globals, project, rect, input, collisions }));
	}

	let body = '';
	for (const layer of layers) {
		if (layer.type === 'background') {
			const fill = paint(property(layer, 'paint', 'background-color')(globals));
			body += `<rect${attributes({ x: px(rect[0]), y: px(rect[1]), width: px(rect[2] - rect[0]), height: px(rect[3] - rect[1]), fill: fill.color })}/>`;
		} else if (layer.type === 'fill') body += fillLayer(layer, featuresOf(layer), globals, project, rect);
		else if (layer.type === 'line') body += lineLayer(layer, featuresOf(layer), globals, project, rect);
		else if (layer.type === 'circle') body += circleLayer(layer, featuresOf(layer), globals, project, rect);
		else if (layer.type === 'symbol') body += labels.get(layer.id) ?? '';
	}
	const viewBox = `0 0 ${view.width} ${view.height}`;
	// The whole drawn area is a view of its own (DRAWN_AREA_VIEW): the map area shows it lined up with the live map,
	// where the frame's corner is anywhere, so there the credit is the page's (StaticMap) and this one is hidden.
	const drawnArea =
		bleed.x > 0 || bleed.y > 0
			? `<style>#${DRAWN_AREA_VIEW}:target~.credit{display:none}</style>` +
				`<view${attributes({ id: DRAWN_AREA_VIEW, viewBox: [rect[0], rect[1], rect[2] - rect[0], rect[3] - rect[1]].map(px).join(' ') })}/>`
			: '';
	return (
		`<svg xmlns="http://www.w3.org/2000/svg"${attributes({ viewBox, role: 'img', lang: input.lang, 'font-family': FONT_FAMILY })}>` +
		`<title>${escapeXml(input.title)}</title>${drawnArea}${body}${attribution(input)}</svg>\n`
	);
}

/**
 * The copies of the world the drawn area reaches, as offsets in whole turns (the live map draws world copies, so a view
 * across the 180° meridian shows land on both sides): the world itself first, then any beside it.
 */
function worldCopies(camera: Camera, view: View, bleed: { x: number; y: number }): number[] {
	const size = worldSize(camera.zoom);
	const centre = mercatorX(camera.center[0]) * size;
	// Half the drawn area's diagonal: enough whatever the bearing.
	const reach = Math.hypot(view.width / 2 + bleed.x, view.height / 2 + bleed.y);
	const copies = [0];
	for (let copy = Math.floor((centre - reach) / size); copy <= Math.floor((centre + reach) / size); copy++) if (copy !== 0) copies.push(copy);
	return copies;
}

/** The feature moved east by `degrees` of longitude. */
function shiftedFeature(feature: Feature, degrees: number): Feature {
	type Coordinates = number[] | Coordinates[];
	const shift = (value: Coordinates): Coordinates =>
		typeof value[0] === 'number' ? [(value[0] as number) + degrees, ...(value.slice(1) as number[])] : (value as Coordinates[]).map(shift);
	const geometry = feature.geometry;
	const moved =
		geometry.type === 'GeometryCollection'
			? { ...geometry, geometries: geometry.geometries.map((g) => shiftedFeature({ ...feature, geometry: g }, degrees).geometry) }
			: { ...geometry, coordinates: shift(geometry.coordinates as Coordinates) };
	return { ...feature, geometry: moved as Feature['geometry'] };
}

type Project = ReturnType<typeof projector>;
type Item = { feature: Feature; styleFeature: StyleFeature };

/** Features of one layer as paths inside a group that carries what they share. */
function group(layerId: string, shared: Record<string, string | number | undefined>, elements: string[]): string {
	if (elements.length === 0) return '';
	return `<g${attributes({ 'data-layer': layerId, ...shared })}>${elements.join('')}</g>`;
}

function fillLayer(layer: AnyLayer, items: Item[], globals: Evaluated, project: Project, rect: Rect): string {
	const color = property(layer, 'paint', 'fill-color');
	const opacity = property(layer, 'paint', 'fill-opacity');
	const paths = items.flatMap(({ feature, styleFeature }) => {
		const d = polygonPath(projectGeometry(feature.geometry, project).rings, rect);
		if (!d) return [];
		const fill = paint(color(globals, styleFeature), opacity(globals, styleFeature));
		return [{ d, fill: fill.color, 'fill-opacity': opacityOf(fill.opacity) }];
	});
	return groupShared(layer.id, { 'fill-rule': 'evenodd' }, paths);
}

function lineLayer(layer: AnyLayer, items: Item[], globals: Evaluated, project: Project, rect: Rect): string {
	const color = property(layer, 'paint', 'line-color');
	const gradient = layer.paint?.['line-gradient'] ? property(layer, 'paint', 'line-gradient') : undefined;
	const width = property(layer, 'paint', 'line-width');
	const opacity = property(layer, 'paint', 'line-opacity');
	const dash = property(layer, 'paint', 'line-dasharray');
	const cap = String(property(layer, 'layout', 'line-cap')(globals) ?? 'butt');
	const join = String(property(layer, 'layout', 'line-join')(globals) ?? 'miter');
	const paths = items.flatMap(({ feature, styleFeature }) => {
		const { lines, rings } = projectGeometry(feature.geometry, project);
		// A line layer on polygons draws their outlines.
		const d = linePath([...lines, ...rings.flat().map((ring) => [...ring, ring[0]])], rect);
		if (!d) return [];
		// A fully drawn route: its gradient is one colour from start to end.
		const stroke = paint(gradient ? gradient({ ...globals, lineProgress: 0.5 }, styleFeature) : color(globals, styleFeature), opacity(globals, styleFeature));
		const lineWidth = Number(width(globals, styleFeature));
		return [{ d, stroke: stroke.color, 'stroke-opacity': opacityOf(stroke.opacity), 'stroke-width': round(lineWidth, 2), 'stroke-dasharray': dashArray(dash(globals, styleFeature), lineWidth, cap) }];
	});
	return groupShared(layer.id, { fill: 'none', 'stroke-linecap': cap === 'butt' ? undefined : cap, 'stroke-linejoin': join === 'miter' ? undefined : join }, paths);
}

/** MapLibre's dashes are in line widths, and a round or square cap is drawn within the dash, not added to it. */
function dashArray(value: unknown, width: number, cap: string): string | undefined {
	const dashes = value as number[] | undefined;
	if (!dashes || dashes.length < 2 || dashes.every((d, i) => i % 2 === 0 || d === 0)) return undefined;
	const capLength = cap === 'butt' ? 0 : width;
	return dashes.map((d, i) => round(Math.max(0, i % 2 === 0 ? d * width - capLength : d * width + capLength), 2)).join(' ');
}

function circleLayer(layer: AnyLayer, items: Item[], globals: Evaluated, project: Project, rect: Rect): string {
	const [color, radius, strokeColor, strokeWidth, opacity] = ['circle-color', 'circle-radius', 'circle-stroke-color', 'circle-stroke-width', 'circle-opacity'].map(
		(name) => property(layer, 'paint', name)
	);
	const circles = items.flatMap(({ feature, styleFeature }) => {
		if (feature.geometry.type !== 'Point') return [];
		const [x, y] = project(...((feature as Feature<GeoPoint>).geometry.coordinates as [number, number]));
		const r = Number(radius(globals, styleFeature));
		const sw = Number(strokeWidth(globals, styleFeature));
		if (x + r + sw < rect[0] || x - r - sw > rect[2] || y + r + sw < rect[1] || y - r - sw > rect[3]) return [];
		const fill = paint(color(globals, styleFeature), opacity(globals, styleFeature));
		const stroke = paint(strokeColor(globals, styleFeature));
		// MapLibre's circle stroke lies outside the radius.
		// The place's id, so a test (or a reader's tool) can find where a place is drawn.
		const id = typeof styleFeature.properties.id === 'string' ? styleFeature.properties.id : undefined;
		return [{ 'data-id': id, cx: px(x), cy: px(y), r: round(r + sw / 2, 2), fill: fill.color, 'fill-opacity': opacityOf(fill.opacity), stroke: sw > 0 ? stroke.color : undefined, 'stroke-width': sw > 0 ? round(sw, 2) : undefined }];
	});
	return groupShared(layer.id, {}, circles, 'circle');
}

/** One group per layer; attributes every element shares move up to the group. */
function groupShared(layerId: string, shared: Record<string, string | number | undefined>, elements: Record<string, string | number | undefined>[], tag = 'path'): string {
	if (elements.length === 0) return '';
	const common: Record<string, string | number | undefined> = { ...shared };
	for (const key of Object.keys(elements[0])) {
		// Geometry stays on each element (an SVG group passes on paint, not shape).
		if (['d', 'cx', 'cy', 'r', 'data-id'].includes(key)) continue;
		if (elements.every((element) => element[key] === elements[0][key])) common[key] = elements[0][key];
	}
	const own = elements.map((element) => `<${tag}${attributes(Object.fromEntries(Object.entries(element).filter(([key]) => !(key in common))))}/>`);
	return group(layerId, common, own);
}

interface SymbolContext {
	globals: Evaluated;
	project: Project;
	rect: Rect;
	input: SvgInput;
	collisions: ReturnType<typeof createCollisionIndex>;
}

function symbolLayer(layer: AnyLayer, items: Item[], { globals, project, rect, input, collisions }: SymbolContext): string {
	const get = (kind: 'paint' | 'layout', name: string) => property(layer, kind, name);
	const [field, font, size, transform, letterSpacing, maxWidth, lineHeight, anchor, variableAnchor, offset, radialOffset, justify, padding, sortKey] = (
		[
			'text-field', 'text-font', 'text-size', 'text-transform', 'text-letter-spacing', 'text-max-width', 'text-line-height', 'text-anchor',
			'text-variable-anchor', 'text-offset', 'text-radial-offset', 'text-justify', 'text-padding', 'symbol-sort-key'
		] as const
	).map((name) => get('layout', name));
	const [color, haloColor, haloWidth, opacity] = ['text-color', 'text-halo-color', 'text-halo-width', 'text-opacity'].map((name) => get('paint', name));
	const hasRadial = layer.layout?.['text-radial-offset'] !== undefined;
	const ordered = items
		.filter(({ feature }) => feature.geometry.type === 'Point')
		.map((item, index) => ({ item, index, key: Number(sortKey(globals, item.styleFeature) ?? 0) }))
		.sort((a, b) => a.key - b.key || a.index - b.index);
	let out = '';
	for (const { item } of ordered) {
		const f = item.styleFeature;
		const point = project(...((item.feature as Feature<GeoPoint>).geometry.coordinates as [number, number]));
		if (point[0] < rect[0] || point[0] > rect[2] || point[1] < rect[1] || point[1] > rect[3]) continue;
		const upper = transform(globals, f) === 'uppercase';
		const lower = transform(globals, f) === 'lowercase';
		const sections: Section[] = formattedSections(field(globals, f)).map((s) => ({
			text: upper ? s.text.toLocaleUpperCase(input.lang) : lower ? s.text.toLocaleLowerCase(input.lang) : s.text,
			scale: s.scale
		}));
		if (sections.every((s) => s.text.trim() === '')) continue;
		const fontStack = (font(globals, f) as string[]) ?? [];
		const anchors = (variableAnchor(globals, f) as Anchor[] | undefined) ?? [anchor(globals, f) as Anchor];
		const labelStyle: LabelStyle = {
			size: Number(size(globals, f)),
			bold: fontStack.some((name) => /bold/i.test(name)),
			letterSpacing: Number(letterSpacing(globals, f)),
			maxWidth: Number(maxWidth(globals, f)),
			lineHeight: Number(lineHeight(globals, f)),
			anchors,
			offset: hasRadial ? [Number(radialOffset(globals, f)), 0] : (offset(globals, f) as [number, number]),
			radial: hasRadial,
			justify: (justify(globals, f) as string) === 'auto' ? 'auto' : ({ left: 0, center: 0.5, right: 1 } as Record<string, number>)[justify(globals, f) as string],
			padding: Number(padding(globals, f)?.values?.[0] ?? padding(globals, f) ?? 2)
		};
		const placed = collisions.place(layoutLabel(point, sections, labelStyle, input.measure), labelStyle.padding);
		if (!placed) continue;
		const fill = paint(color(globals, f), opacity(globals, f));
		const halo = paint(haloColor(globals, f));
		const haloPx = Number(haloWidth(globals, f));
		out += textElement(placed, labelStyle, fill, haloPx > 0 ? { color: halo.color, width: haloPx } : undefined);
	}
	return out ? `<g${attributes({ 'data-layer': layer.id })}>${out}</g>` : '';
}

function formattedSections(value: unknown): Section[] {
	if (value && typeof value === 'object' && 'sections' in value) {
		return (value as { sections: { text: string; scale: number | null }[] }).sections.map((s) => ({ text: s.text, scale: s.scale ?? 1 }));
	}
	return [{ text: String(value ?? ''), scale: 1 }];
}

function textElement(label: PlacedLabel, style: LabelStyle, fill: Paint, halo: { color: string; width: number } | undefined): string {
	const [first] = label.lines;
	const lines = label.lines
		.map((line) => {
			const runs = line.sections
				.map((s) => (s.scale === 1 ? escapeXml(s.text) : `<tspan${attributes({ 'font-size': round(style.size * s.scale, 2) })}>${escapeXml(s.text)}</tspan>`))
				.join('');
			return label.lines.length === 1 ? runs : `<tspan${attributes({ x: px(line.x), y: px(line.y) })}>${runs}</tspan>`;
		})
		.join('');
	return `<text${attributes({
		x: label.lines.length === 1 ? px(first.x) : undefined,
		y: label.lines.length === 1 ? px(first.y) : undefined,
		'text-anchor': first.align === 'start' ? undefined : first.align,
		'font-size': round(style.size, 2),
		'font-weight': style.bold ? 700 : undefined,
		'letter-spacing': style.letterSpacing ? round(style.letterSpacing * style.size, 2) : undefined,
		fill: fill.color,
		'fill-opacity': opacityOf(fill.opacity),
		stroke: halo?.color,
		'stroke-width': halo ? round(halo.width * 2, 2) : undefined,
		'stroke-linejoin': halo ? 'round' : undefined,
		'paint-order': halo ? 'stroke' : undefined
	})}>${lines}</text>`;
}

/** The basemap's credit, bottom right as on the live map. */
function attribution({ view, attribution: text, measure }: SvgInput): string {
	const size = 11;
	const width = measure(text, { size, bold: false }) + 10;
	const height = 18;
	const [x, y] = [view.width - width, view.height - height];
	return (
		`<g class="credit"><rect${attributes({ x: px(x), y: px(y), width: px(width), height, fill: '#ffffff', 'fill-opacity': 0.8 })}/>` +
		`<text${attributes({ x: px(view.width - 5), y: px(view.height - 5), 'text-anchor': 'end', 'font-size': size, fill: '#333333' })}>${escapeXml(text)}</text></g>`
	);
}
