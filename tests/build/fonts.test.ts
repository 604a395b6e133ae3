/**
 * Fonts for any script, in the built site: every page links a stylesheet of @font-face rules (unicode-range,
 * font-display: swap)
 * for fonts that are in build/fonts/, preloads only files it declares, and covers every character its text shows.
 * Needs `npm run build`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inRange, parseUnicodeRange, type Interval } from '$lib/fonts/unicode-range';

const BUILD = join(process.cwd(), 'build');

const pages = readdirSync(BUILD, { recursive: true, encoding: 'utf8' })
	.filter((path) => path.endsWith('index.html'))
	.map((path) => path.split('\\').join('/'));

/** The page's visible text: markup, scripts and styles removed, a few entities decoded. */
function visibleText(html: string): string {
	return html
		.replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<!--[\s\S]*?-->/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&(#x[0-9a-f]+|#\d+);/gi, (_, code: string) =>
			String.fromCodePoint(code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10))
		)
		.replace(/&[a-z]+;/gi, ' ');
}

describe('page fonts', () => {
	it('the build has pages', () => expect(pages.length).toBeGreaterThan(0));

	for (const path of pages) {
		it(`${path}: declares the fonts its text needs, with files in build/fonts`, () => {
			const html = readFileSync(join(BUILD, path), 'utf8');
			expect(html).not.toContain('%fonts.head%');
			const pageDir = join(BUILD, path, '..');
			// The rules are in a stylesheet of the site's own (the CSP allows no inline style), beside the font files.
			const sheet = /<link rel="stylesheet" href="([^"]*fonts\/[^"]+\.css)">/.exec(html)?.[1];
			expect(sheet, 'the page links its font stylesheet').toBeDefined();
			const sheetPath = join(pageDir, sheet!);
			expect(existsSync(sheetPath), `${sheet} from ${path}`).toBe(true);
			const rules = readFileSync(sheetPath, 'utf8').match(/@font-face\{[^}]*\}/g) ?? [];
			const served = rules.filter((rule) => /font-family:'Noto Sans'/.test(rule));
			expect(served.length, 'Noto Sans @font-face rules').toBeGreaterThan(0);
			const ranges: Interval[] = [];
			for (const rule of served) {
				expect(rule).toContain('font-display:swap');
				const url = /src:url\(([^)]+)\)/.exec(rule)?.[1] ?? '';
				expect(existsSync(join(sheetPath, '..', url)), `${url} from ${sheet}`).toBe(true);
				ranges.push(...parseUnicodeRange(/unicode-range:([^;}]+)/.exec(rule)?.[1] ?? ''));
			}
			for (const [, href] of html.matchAll(/<link rel="preload" href="([^"]+\.woff2)"/g)) {
				expect(rules.some((rule) => rule.includes(href.split('/').at(-1)!)), `preload ${href} is declared`).toBe(true);
				expect(existsSync(join(pageDir, href)), `preload ${href}`).toBe(true);
			}
			const missing = [...new Set(visibleText(html))].filter((char) => /\S/.test(char) && !inRange(char.codePointAt(0)!, ranges));
			expect(missing, 'characters no declared face covers').toEqual([]);
		});
	}
});
