/**
 * Which font files a page serves, decided at build time from every character of its text: the story's prose,
 * titles, sources, place and route names, the interface words of its language and the names on its basemap. The page
 * head gets `@font-face` rules for exactly those subsets (with `unicode-range`, so a browser fetches only what it
 * draws) and preloads for its main ones.
 */
import { FONT_FILES, WEIGHTS, type FontFile } from './faces.server';
import { inRange } from './unicode-range';

export interface FontPlan {
	/** The faces to declare, in CSS order. */
	faces: FontFile[];
	/** Characters of the text that no served face has (they show in the reader's system font). */
	uncovered: string[];
}

/** Characters no font needs to draw. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

export function planFonts(text: string): FontPlan {
	const subsets = new Set<string>();
	const uncovered = new Set<string>();
	for (const char of new Set(text)) {
		if (INVISIBLE.test(char)) continue;
		const codePoint = char.codePointAt(0)!;
		// The browser draws a character with the last declared face whose range has it.
		const face = FONT_FILES.findLast((f) => inRange(codePoint, f.intervals));
		if (face) subsets.add(subsetKey(face));
		else uncovered.add(char);
	}
	return { faces: FONT_FILES.filter((f) => subsets.has(subsetKey(f))), uncovered: [...uncovered].sort() };
}

const subsetKey = (face: FontFile) => face.file.replace(/-\d+-normal\.woff2$/, '');

/**
 * For each weight, the face that draws most of the text's characters: the ones worth preloading.
 * @param text the text the reader sees first (title, summary, first chapter), weighed by how often each character occurs
 */
export function mainFaces(plan: FontPlan, text: string): FontFile[] {
	return WEIGHTS.flatMap((weight) => {
		const faces = plan.faces.filter((f) => f.weight === weight);
		let best: FontFile | undefined;
		let bestCount = 0;
		for (const face of faces) {
			let count = 0;
			for (const char of text) {
				const codePoint = char.codePointAt(0)!;
				if (FONT_FILES.findLast((f) => f.weight === weight && inRange(codePoint, f.intervals)) === face) count++;
			}
			if (count > bestCount) [best, bestCount] = [face, count];
		}
		return best ? [best] : [];
	});
}

/** The families every face is declared under: the page's text and the map's labels (src/lib/map/ids.ts). */
const FAMILIES: { family: string; weights: readonly number[] }[] = [
	{ family: 'Noto Sans', weights: [400, 700] },
	{ family: 'Noto Sans Bold', weights: [700] }
];

/**
 * `@font-face` rules for the plan's faces, with `font-display: swap`: the text shows at once in the metric-matched
 * fallback (src/app.css) and swaps without moving.
 * @param fontsUrl where the font files are, relative to the page (`../../fonts/`)
 */
export function fontFaceCss(plan: FontPlan, fontsUrl: string): string {
	return FAMILIES.flatMap(({ family, weights }) =>
		plan.faces
			.filter((face) => weights.includes(face.weight))
			.map(
				(face) =>
					`@font-face{font-family:'${family}';font-style:normal;font-weight:${face.weight};font-display:swap;src:url(${fontsUrl}${face.file}) format('woff2');unicode-range:${face.unicodeRange}}`
			)
	).join('');
}
