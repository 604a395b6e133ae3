/**
 * The font faces the site can serve: `@fontsource` packages split each font by `unicode-range` into subsets (Latin,
 * Cyrillic, Greek, Vietnamese, Devanagari… for Noto Sans; a hundred and twenty numbered subsets for Noto Sans JP),
 * one woff2 file per subset and weight. Which of them a page serves is decided from its text (./plan.server.ts).
 *
 * Every face is declared under the families the page and the map ask for: `Noto Sans` (400, 700) and `Noto Sans Bold`
 * (700, the family MapLibre's bold labels name; src/lib/map/ids.ts). Noto Sans JP's faces come first in the CSS, so
 * where their ranges overlap Noto Sans's (Latin letters, punctuation) the later Noto Sans face wins.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import notoSansRanges from '@fontsource/noto-sans/unicode.json';
import notoSansJpRanges from '@fontsource/noto-sans-jp/unicode.json';
import { parseUnicodeRange, type Interval } from './unicode-range';

export interface FontFile {
	/** File name as served under /fonts/ (the package's own name for it). */
	file: string;
	/** `@fontsource` package that ships it. */
	pkg: string;
	weight: 400 | 700;
	/** The subset's `unicode-range`, as the package declares it. */
	unicodeRange: string;
	intervals: Interval[];
}

/** Served in this order in the CSS (a later face wins where ranges overlap). */
const PACKAGES = [
	// Its numbered subsets only: its Latin, Cyrillic and Vietnamese are Noto Sans's job.
	{ pkg: '@fontsource/noto-sans-jp', prefix: 'noto-sans-jp', ranges: notoSansJpRanges as Record<string, string>, subsets: /^\[\d+\]$/ },
	{ pkg: '@fontsource/noto-sans', prefix: 'noto-sans', ranges: notoSansRanges as Record<string, string>, subsets: /./ }
];

export const WEIGHTS = [400, 700] as const;

/** Every face the site could serve, in CSS order. */
export const FONT_FILES: FontFile[] = PACKAGES.flatMap(({ pkg, prefix, ranges, subsets }) =>
	Object.entries(ranges)
		.filter(([subset]) => subsets.test(subset))
		.flatMap(([subset, unicodeRange]) => {
		const intervals = parseUnicodeRange(unicodeRange);
		// Numbered subsets are keyed `[12]`, their files `…-12-400-normal.woff2`.
		const name = subset.replace(/^\[(\d+)\]$/, '$1');
		return WEIGHTS.map((weight) => ({ file: `${prefix}-${name}-${weight}-normal.woff2`, pkg, weight, unicodeRange, intervals }));
	})
);

const require = createRequire(import.meta.url);

/** The woff2 bytes of a face, from its package. */
export function fontFileBytes(file: string): Uint8Array {
	const face = FONT_FILES.find((f) => f.file === file);
	if (!face) throw new Error(`No font file ${file}`);
	return readFileSync(require.resolve(`${face.pkg}/files/${face.file}`));
}
