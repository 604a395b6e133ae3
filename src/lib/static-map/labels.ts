/**
 * Label layout as MapLibre does it for point labels: line breaking at `text-max-width` with its balanced-lines rule,
 * anchors, offsets (including the variable anchors' radial offset) and the collision test that hides a label
 * overlapping one placed before it. Units are CSS pixels; MapLibre's are 24ths of an em, converted where they appear.
 */

export type TextMeasure = (text: string, font: { size: number; bold: boolean; letterSpacing?: number }) => number;

export type Anchor = 'center' | 'left' | 'right' | 'top' | 'bottom' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/** A run of text with its own scale (MapLibre's `format` sections). */
export interface Section {
	text: string;
	scale: number;
}

export interface LabelStyle {
	size: number;
	bold: boolean;
	/** em */
	letterSpacing: number;
	/** em */
	maxWidth: number;
	/** em; MapLibre's default 1.2 */
	lineHeight: number;
	/** The anchors to try, in order (one for a fixed `text-anchor`). */
	anchors: Anchor[];
	/** em: `text-offset` for a fixed anchor, or `text-radial-offset` for variable anchors (then `radial` is set). */
	offset: [number, number];
	radial: boolean;
	/** `text-justify: auto` follows the anchor; otherwise 0 left, 0.5 centre, 1 right. */
	justify: 'auto' | number;
	/** px around the label's box for the collision test (`text-padding`). */
	padding: number;
}

export interface PlacedLine {
	sections: Section[];
	/** Position of the line's text anchor (x) and baseline (y), px. */
	x: number;
	y: number;
	align: 'start' | 'middle' | 'end';
}

export interface PlacedLabel {
	lines: PlacedLine[];
	box: Box;
}

export type Box = [x0: number, y0: number, x1: number, y1: number];

const ONE_EM = 24;
/** MapLibre's glyph placement: a glyph is set 17/24 em above its line, and its baseline 27.5/24 em below that. */
const SHAPING_DEFAULT_OFFSET = -17;
const GLYPH_BASELINE = 27.5;
/** MapLibre assumes the baseline 7/24 em above the text box's bottom for variable-anchor offsets. */
const BASELINE_OFFSET = 7;

const breakableAfter = new Set([0x0a, 0x20, 0x26, 0x29, 0x2b, 0x2d, 0x2f, 0xad, 0xb7, 0x200b, 0x2010, 0x2013]);
const breakableBefore = new Set([0x28]);

interface Char {
	char: string;
	scale: number;
	width: number;
}

/** Splits the sections into lines as MapLibre's `determineLineBreaks` does (least raggedness, forced newlines). */
export function breakLines(sections: Section[], style: Pick<LabelStyle, 'size' | 'bold' | 'letterSpacing' | 'maxWidth'>, measure: TextMeasure): Char[][] {
	const spacing = style.letterSpacing * style.size;
	const chars: Char[] = sections.flatMap((section) =>
		[...section.text].map((char) => ({
			char,
			scale: section.scale,
			width: char === '\n' ? 0 : measure(char, { size: style.size * section.scale, bold: style.bold }) + spacing
		}))
	);
	const totalWidth = chars.reduce((sum, c) => sum + c.width, 0);
	const maxWidth = style.maxWidth * style.size;
	const hasNewline = chars.some((c) => c.char === '\n');
	if (totalWidth <= maxWidth && !hasNewline) return [chars];
	const target = totalWidth / Math.max(1, Math.ceil(totalWidth / maxWidth));
	interface Break {
		index: number;
		x: number;
		prior: Break | null;
		badness: number;
	}
	const badness = (width: number, penalty: number, last: boolean) => {
		const ragged = (width - target) ** 2;
		if (last) return width < target ? ragged / 2 : ragged * 2;
		return ragged + Math.abs(penalty) * penalty;
	};
	const evaluate = (index: number, x: number, breaks: Break[], penalty: number, last: boolean): Break => {
		let best: Break = { index, x, prior: null, badness: badness(x, penalty, last) };
		for (const prior of breaks) {
			const score = badness(x - prior.x, penalty, last) + prior.badness;
			if (score <= best.badness) best = { index, x, prior, badness: score };
		}
		return best;
	};
	const breaks: Break[] = [];
	let x = 0;
	for (let i = 0; i < chars.length; i++) {
		if (i > 0) {
			const previous = chars[i - 1].char.codePointAt(0)!;
			const current = chars[i].char.codePointAt(0)!;
			if (breakableAfter.has(previous) || (i + 1 < chars.length && breakableBefore.has(current))) {
				let penalty = previous === 0x0a ? -10000 : 0;
				if (previous === 0x28) penalty += 50;
				if (current === 0x29) penalty += 50;
				breaks.push(evaluate(i, x, breaks, penalty, false));
			}
		}
		// Whitespace counts in the total width but not in a line's (MapLibre's `determineLineBreaks`).
		if (!/\s/u.test(chars[i].char)) x += chars[i].width;
	}
	const indexes: number[] = [];
	for (let b: Break | null = evaluate(chars.length, x, breaks, 0, true); b; b = b.prior) indexes.unshift(b.index);
	const lines: Char[][] = [];
	let start = 0;
	for (const end of indexes) {
		lines.push(trim(chars.slice(start, end)));
		start = end;
	}
	return lines;
}

function trim(line: Char[]): Char[] {
	let [start, end] = [0, line.length];
	while (start < end && /\s/.test(line[start].char)) start++;
	while (end > start && /\s/.test(line[end - 1].char)) end--;
	return line.slice(start, end);
}

const horizontalAlign = (anchor: Anchor) => (anchor.endsWith('left') ? 0 : anchor.endsWith('right') ? 1 : 0.5);
const verticalAlign = (anchor: Anchor) => (anchor.startsWith('top') ? 0 : anchor.startsWith('bottom') ? 1 : 0.5);

/** MapLibre's `evaluateVariableOffset` for a radial offset, in em. */
function radialOffset(anchor: Anchor, radial: number): [number, number] {
	const r = Math.max(0, radial) * ONE_EM;
	const h = r / Math.SQRT2;
	let [x, y] = [0, 0];
	if (anchor === 'top-right' || anchor === 'top-left') y = h - BASELINE_OFFSET;
	else if (anchor === 'bottom-right' || anchor === 'bottom-left') y = -h + BASELINE_OFFSET;
	else if (anchor === 'bottom') y = -r + BASELINE_OFFSET;
	else if (anchor === 'top') y = r - BASELINE_OFFSET;
	if (anchor === 'top-right' || anchor === 'bottom-right') x = -h;
	else if (anchor === 'top-left' || anchor === 'bottom-left') x = h;
	else if (anchor === 'left') x = r;
	else if (anchor === 'right') x = -r;
	return [x / ONE_EM, y / ONE_EM];
}

/** The label's candidate layouts at `point`, one per anchor to try. */
export function layoutLabel(point: [number, number], sections: Section[], style: LabelStyle, measure: TextMeasure): PlacedLabel[] {
	const lines = breakLines(sections, style, measure).filter((line) => line.length > 0);
	if (lines.length === 0) return [];
	const em = style.size / ONE_EM;
	const spacing = style.letterSpacing * style.size;
	const widths = lines.map((line) => line.reduce((sum, c) => sum + c.width, 0) - spacing);
	const scales = lines.map((line) => Math.max(...line.map((c) => c.scale)));
	// Heights in MapLibre's units (24ths of an em), as its shaping computes them.
	const lineHeight = style.lineHeight * ONE_EM;
	const blockWidth = Math.max(...widths);
	const blockHeight = scales.reduce((sum, scale) => sum + lineHeight * scale, 0);
	const maxScale = Math.max(...scales);
	return style.anchors.map((anchor) => {
		const [ha, va] = [horizontalAlign(anchor), verticalAlign(anchor)];
		const justify = style.justify === 'auto' ? ha : style.justify;
		const [ox, oy] = style.radial ? radialOffset(anchor, style.offset[0]) : style.offset;
		const originX = point[0] + ox * style.size;
		const originY = point[1] + oy * style.size;
		const left = originX - ha * blockWidth;
		const top = originY - va * blockHeight * em;
		// MapLibre's `align`: the block's vertical shift, in 24ths of an em.
		const shiftY = maxScale === 1 ? (-va * lines.length + 0.5) * lineHeight : -blockHeight * va - SHAPING_DEFAULT_OFFSET;
		let lineTop = 0;
		const placed: PlacedLine[] = lines.map((line, i) => {
			const baseline = shiftY + lineTop + SHAPING_DEFAULT_OFFSET + GLYPH_BASELINE * scales[i];
			lineTop += lineHeight * scales[i];
			return {
				sections: sectionsOf(line),
				x: originX + (justify - ha) * blockWidth,
				y: originY + baseline * em,
				align: justify === 0 ? 'start' : justify === 1 ? 'end' : 'middle'
			};
		});
		return { lines: placed, box: [left, top, left + blockWidth, top + blockHeight * em] };
	});
}

function sectionsOf(line: Char[]): Section[] {
	const sections: Section[] = [];
	for (const c of line) {
		const last = sections.at(-1);
		if (last && last.scale === c.scale) last.text += c.char;
		else sections.push({ text: c.char, scale: c.scale });
	}
	return sections;
}

/** Boxes already taken; a label is placed at its first candidate that overlaps none of them. */
export function createCollisionIndex() {
	const boxes: Box[] = [];
	const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
	return {
		place(candidates: PlacedLabel[], padding: number): PlacedLabel | undefined {
			for (const candidate of candidates) {
				const [x0, y0, x1, y1] = candidate.box;
				const padded: Box = [x0 - padding, y0 - padding, x1 + padding, y1 + padding];
				if (boxes.some((box) => overlaps(box, padded))) continue;
				boxes.push(padded);
				return candidate;
			}
			return undefined;
		}
	};
}
