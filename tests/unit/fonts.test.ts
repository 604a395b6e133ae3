/**
 * Fonts for any script (src/lib/fonts/): the subsets a text needs, the @font-face rules a page gets, and the files
 * they name exist in their packages.
 */
import { describe, expect, it } from 'vitest';
import { FONT_FILES, fontFileBytes } from '$lib/fonts/faces.server';
import { fontFaceCss, mainFaces, planFonts } from '$lib/fonts/plan.server';
import { inRange, parseUnicodeRange } from '$lib/fonts/unicode-range';

const subsetsOf = (text: string) => [...new Set(planFonts(text).faces.map((face) => face.file.replace(/-\d+-normal\.woff2$/, '')))].sort();

describe('unicode-range', () => {
	it('reads single code points, intervals and wildcards', () => {
		const ranges = parseUnicodeRange('U+0000-00FF, U+0131,U+25??');
		expect(ranges).toEqual([
			[0, 0xff],
			[0x131, 0x131],
			[0x2500, 0x25ff]
		]);
		expect(inRange(0x25cc, ranges)).toBe(true);
		expect(inRange(0x100, ranges)).toBe(false);
		expect(() => parseUnicodeRange('U+zz')).toThrow(/unicode-range/);
	});
});

describe('planFonts', () => {
	it('serves Latin alone for plain English, with both weights', () => {
		expect(subsetsOf('The story, told “in full” — 252 men.')).toEqual(['noto-sans-latin']);
		expect(planFonts('Plain').faces.map((f) => f.weight).sort()).toEqual([400, 700]);
	});

	it('adds the subset of each script the text uses, and only those', () => {
		expect(subsetsOf('Москва')).toEqual(['noto-sans-cyrillic']);
		expect(subsetsOf('Αθήνα')).toEqual(['noto-sans-greek']);
		expect(subsetsOf('Hà Nội')).toEqual(expect.arrayContaining(['noto-sans-latin', 'noto-sans-vietnamese']));
		expect(subsetsOf('Łódź')).toEqual(['noto-sans-latin', 'noto-sans-latin-ext']);
		expect(subsetsOf('नई दिल्ली')).toEqual(['noto-sans-devanagari', 'noto-sans-latin']); // the space is Latin
	});

	it('draws Japanese with Noto Sans JP, and Latin next to it with Noto Sans', () => {
		const subsets = subsetsOf('Tokyo 東京「日付変更線」');
		expect(subsets).toContain('noto-sans-latin');
		expect(subsets.some((s) => s.startsWith('noto-sans-jp-'))).toBe(true);
		expect(subsets.filter((s) => s.startsWith('noto-sans-jp-')).length).toBeLessThan(10);
		expect(planFonts('東京').uncovered).toEqual([]);
	});

	it('reports characters no served font has, and ignores invisible ones', () => {
		expect(planFonts('القاهرة\u200b').uncovered).toEqual([...new Set('القاهرة')].sort());
	});
});

describe('fontFaceCss', () => {
	it('declares each face with its unicode-range, swap and a relative URL, for the text and the bold label family', () => {
		const css = fontFaceCss(planFonts('Москва Moscow'), '../../fonts/');
		const rules = css.match(/@font-face\{[^}]*\}/g) ?? [];
		// latin + cyrillic, at 400 and 700, then the bold family at 700.
		expect(rules).toHaveLength(6);
		for (const rule of rules) {
			expect(rule).toContain('font-display:swap');
			expect(rule).toMatch(/unicode-range:U\+/);
			expect(rule).toMatch(/src:url\(\.\.\/\.\.\/fonts\/noto-sans-[a-z-]+-(400|700)-normal\.woff2\)/);
		}
		expect(rules.filter((r) => r.includes("'Noto Sans Bold'")).every((r) => r.includes('font-weight:700'))).toBe(true);
	});

	it('puts Noto Sans JP before Noto Sans, so Noto Sans draws the Latin letters both have', () => {
		const css = fontFaceCss(planFonts('Tokyo 東京'), './fonts/');
		expect(css.indexOf('noto-sans-jp-')).toBeLessThan(css.indexOf('noto-sans-latin'));
	});
});

describe('mainFaces', () => {
	it('preloads, per weight, the face that draws most of the opening text', () => {
		const plan = planFonts('Москва and a little Latin');
		expect(mainFaces(plan, 'Москва, Санкт-Петербург и Казань').map((f) => f.file)).toEqual([
			'noto-sans-cyrillic-400-normal.woff2',
			'noto-sans-cyrillic-700-normal.woff2'
		]);
	});
});

describe('font files', () => {
	it('every face the site may serve is a woff2 file in its package', () => {
		for (const face of FONT_FILES.filter((f) => !f.file.startsWith('noto-sans-jp-') || f.file.includes('-1-'))) {
			const bytes = fontFileBytes(face.file);
			expect(Buffer.from(bytes.subarray(0, 4)).toString('latin1'), face.file).toBe('wOF2');
		}
	});
});
