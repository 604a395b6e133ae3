/**
 * The security policy of the built site (`npm run build` first): every page carries the Content-Security-Policy as a
 * <meta> tag before anything it governs, and build/_headers (from static/_headers) sets the headers a meta tag cannot:
 * the embeds may be framed by any site, every other page only by the site itself, and no header is set twice for one
 * path (Netlify and Cloudflare Pages would join the values, and two frame-ancestors policies are both enforced).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUILD = join(process.cwd(), 'build');

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name));
}

/** URL path of a built file, as a host serves it: `build/en/x/index.html` → `/en/x/`. */
const urlPath = (file: string) => `/${relative(BUILD, file).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');

const files = existsSync(BUILD) ? filesUnder(BUILD) : [];
const pages = files.filter((file) => file.endsWith('.html')).map((file) => ({ path: urlPath(file), html: readFileSync(file, 'utf8') }));
/** The embed and the old /embed/ address, which forwards inside the host's frame. */
const isEmbed = (path: string) => /^\/(?:[^/]+\/[^/]+\/)?embed\/$/.test(path);

interface Rule {
	pattern: string;
	line: number;
	headers: { name: string; value: string }[];
}

/** Netlify / Cloudflare Pages `_headers`: a path line, then indented `Name: value` lines; `#` starts a comment. */
export function parseHeaders(text: string): Rule[] {
	const rules: Rule[] = [];
	text.split('\n').forEach((raw, index) => {
		const line = raw.replace(/\s+$/, '');
		if (!line.trim() || line.trim().startsWith('#')) return;
		if (!/^\s/.test(line)) return void rules.push({ pattern: line, line: index + 1, headers: [] });
		const match = /^\s+([A-Za-z0-9-]+):\s*(.+)$/.exec(line);
		if (!match || !rules.length) throw new Error(`_headers:${index + 1}: expected "  Name: value" under a path, found ${JSON.stringify(raw)}`);
		rules.at(-1)!.headers.push({ name: match[1].toLowerCase(), value: match[2] });
	});
	return rules;
}

/** `*` matches anything (slashes too), `:name` exactly one path segment, anything else itself. */
export function matches(pattern: string, path: string): boolean {
	const source = pattern
		.split(/(\*|:[A-Za-z]\w*)/)
		.map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
		.join('');
	return new RegExp(`^${source}$`).test(path);
}

/** Every header the rules give `path`, with the values of a header set by several rules in a list. */
function headersFor(rules: Rule[], path: string): Map<string, string[]> {
	const headers = new Map<string, string[]>();
	for (const rule of rules.filter((r) => matches(r.pattern, path)))
		for (const { name, value } of rule.headers) headers.set(name, [...(headers.get(name) ?? []), value]);
	return headers;
}

describe.skipIf(!existsSync(BUILD))('the built site’s security policy', () => {
	it('has pages to check, embeds and others', () => {
		expect(pages.filter((page) => isEmbed(page.path)).length).toBeGreaterThan(0);
		expect(pages.filter((page) => !isEmbed(page.path)).length).toBeGreaterThan(0);
	});

	it('every page carries a strict Content-Security-Policy meta tag before any script or style', () => {
		for (const { path, html } of pages) {
			const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html);
			expect(meta, `${path} has no Content-Security-Policy meta tag`).not.toBeNull();
			const directives = new Map(
				meta![1]
					.replaceAll('&#39;', "'")
					.split(';')
					.map((d) => d.trim().split(/\s+/))
					.map(([name, ...values]) => [name, values])
			);
			expect(directives.get('default-src'), path).toEqual(["'self'"]);
			expect(directives.get('object-src'), path).toEqual(["'none'"]);
			expect(directives.get('base-uri'), path).toEqual(["'self'"]);
			expect(directives.get('connect-src'), path).toEqual(["'self'"]);
			const scripts = directives.get('script-src') ?? [];
			expect(scripts[0], path).toBe("'self'");
			expect(scripts.slice(1).every((source) => /^'sha256-[A-Za-z0-9+/=]+'$/.test(source)), `${path} script-src: ${scripts.join(' ')}`).toBe(true);
			expect(directives.get('style-src')?.join(' '), path).not.toContain('unsafe-inline');
			const before = html.slice(0, meta!.index);
			expect(before, `${path}: a script or style comes before the policy`).not.toMatch(/<script|<style|style="/);
		}
	});

	it('no page has a style attribute or inline script the policy would refuse', () => {
		for (const { path, html } of pages) {
			const outsideText = html.replace(/<textarea\b[\s\S]*?<\/textarea>/g, '');
			expect(outsideText.match(/<[^>]+\sstyle="[^"]*"/g) ?? [], `${path}: style attributes`).toEqual([]);
			expect(outsideText.match(/<[^>]+\son[a-z]+="/g) ?? [], `${path}: inline event handlers`).toEqual([]);
		}
	});

	const headersFile = join(BUILD, '_headers');

	it('build/_headers exists (copied from static/_headers)', () => {
		expect(existsSync(headersFile)).toBe(true);
	});

	describe.skipIf(!existsSync(headersFile))('build/_headers', () => {
		const rules = parseHeaders(readFileSync(headersFile, 'utf8'));

		it('lets any site frame the embeds and only the site itself frame every other page', () => {
			for (const { path } of pages) {
				const ancestors = headersFor(rules, path).get('content-security-policy') ?? [];
				const expected = isEmbed(path) ? 'frame-ancestors *' : "frame-ancestors 'self'";
				expect(ancestors, `${path}: Content-Security-Policy headers`).toEqual([expected]);
			}
		});

		it('sends nosniff, a referrer policy and a permissions policy with every file', () => {
			for (const file of files) {
				const headers = headersFor(rules, urlPath(file));
				expect(headers.get('x-content-type-options'), urlPath(file)).toEqual(['nosniff']);
				expect(headers.get('referrer-policy'), urlPath(file)).toEqual(['strict-origin-when-cross-origin']);
				expect(headers.get('permissions-policy')?.length, urlPath(file)).toBe(1);
			}
		});

		it('never sets one header twice for a path (the host would join the values)', () => {
			for (const file of files) {
				const twice = [...headersFor(rules, urlPath(file))].filter(([, values]) => values.length > 1).map(([name]) => name);
				expect(twice, urlPath(file)).toEqual([]);
			}
		});

		it('the matcher reads patterns as the hosts do', () => {
			expect(matches('/:lang/:story/embed/', '/en/a-story/embed/')).toBe(true);
			expect(matches('/:lang/:story/', '/en/a-story/embed/')).toBe(false);
			expect(matches('/*', '/en/a-story/embed/')).toBe(true);
			expect(matches('/', '/en/')).toBe(false);
		});
	});
});
