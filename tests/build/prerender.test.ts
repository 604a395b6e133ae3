/**
 * Checks on the built site (`npm test` builds it with the fixture stories; `STORY_FIXTURES=1 npx vite build` by hand):
 * every edition of every story (tests/editions.ts) has all its files, its prerendered pages carry the whole story in
 * its language, and nothing in build/ makes a browser load anything from another host.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMES_SCRIPT_PATH, PYM_SCRIPT_PATH } from '$lib/site/urls';
import type { Story } from '$lib/story/types';
import { uiText } from '$lib/ui-text';
import { BUILD, editionsUnderTest } from '../editions';

// ---------------------------------------------------------------------------------------------------------------------
// Reading HTML without a DOM: enough for markup we generate ourselves.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
		}
		return NAMED[name.toLowerCase()] ?? whole;
	});
}

const BLOCK_TAGS = /<\/?(p|div|blockquote|li|ul|ol|h[1-6]|br|section|article|header|footer|table|tr|td|th)\b[^>]*>/gi;

/** The text a reader sees in an HTML fragment, with whitespace collapsed. */
export function textOf(html: string): string {
	const withoutCode = html.replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<!--[\s\S]*?-->/g, '');
	return collapse(decodeEntities(withoutCode.replace(BLOCK_TAGS, ' ').replace(/<[^>]+>/g, '')));
}

const collapse = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

/** Attributes of the first tag in `tag` (`<a href="…" rel=x>`), names lower-cased, values decoded. */
export function attributesOf(tag: string): Record<string, string> {
	const attrs: Record<string, string> = {};
	const body = tag.replace(/^<[a-z0-9-]+/i, '').replace(/\/?>$/, '');
	for (const m of body.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g))
		attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
	return attrs;
}

/** Every element `<name …>…</name>` (not nested in itself) with its attributes and inner HTML, in document order. */
function elements(html: string, name: string): { attrs: Record<string, string>; inner: string; start: number }[] {
	const out = [];
	const re = new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`, 'gi');
	for (const m of html.matchAll(re)) out.push({ attrs: attributesOf(m[0].slice(0, m[0].indexOf('>') + 1)), inner: m[1], start: m.index ?? 0 });
	return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// What makes a browser load something from another host.

export interface Finding {
	what: string;
	url: string;
}

/** An absolute URL to another host: `http(s)://…` or protocol-relative `//host/…`. */
const isForeign = (url: string) => /^\s*(https?:)?\/\/[^/\s]/i.test(url);

/** A URL that looks like something a browser would load (not a page to read): map templates or asset extensions. */
const LOADABLE =
	/\{(z|x|y|fontstack|range|quadkey|bbox-epsg-3857|ratio|r)\}|\.(pbf|mvt|pmtiles|mbtiles|geojson|topojson|json|png|jpe?g|webp|avif|gif|svg|ico|woff2?|ttf|otf|m?js|css|tiff?)(?:[?#][^"'`\s]*)?$/i;

const LOADING_RELS = new Set([
	'stylesheet',
	'preload',
	'modulepreload',
	'prefetch',
	'prerender',
	'preconnect',
	'dns-prefetch',
	'icon',
	'shortcut',
	'apple-touch-icon',
	'apple-touch-icon-precomposed',
	'mask-icon',
	'manifest'
]);

const SRC_ATTRS: Record<string, string[]> = {
	script: ['src'],
	img: ['src', 'srcset'],
	source: ['src', 'srcset'],
	video: ['src', 'poster'],
	audio: ['src'],
	track: ['src'],
	iframe: ['src'],
	frame: ['src'],
	embed: ['src'],
	object: ['data'],
	input: ['src'],
	image: ['href', 'xlink:href'],
	use: ['href', 'xlink:href'],
	feimage: ['href', 'xlink:href']
};

const srcsetUrls = (value: string) => value.split(',').map((part) => part.trim().split(/\s+/)[0]).filter(Boolean);

export function scanCss(css: string, where = 'CSS'): Finding[] {
	const found: Finding[] = [];
	for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi)) {
		const url = m[1] ?? m[2] ?? m[3] ?? '';
		if (isForeign(url)) found.push({ what: `${where} url()`, url });
	}
	// @import "…" (the url(…) form is found above).
	for (const m of css.matchAll(/@import\s+["']([^"']+)["']/gi))
		if (isForeign(m[1])) found.push({ what: `${where} @import`, url: m[1] });
	return found;
}

const SOURCE_TYPES = /["']?type["']?\s*:\s*["'](vector|raster|raster-dem|geojson|image|video)["']/;

/** The text of the innermost `{…}` around `at` (braces inside strings are rare enough in minified code to ignore). */
function enclosingObject(code: string, at: number, limit = 2000): string {
	let start = at;
	for (let depth = 0; start > Math.max(0, at - limit); start--) {
		const c = code[start - 1];
		if (c === '}') depth++;
		else if (c === '{' && depth-- === 0) break;
	}
	let end = at;
	for (let depth = 0; end < Math.min(code.length, at + limit); end++) {
		const c = code[end];
		if (c === '{') depth++;
		else if (c === '}' && depth-- === 0) break;
	}
	return code.slice(start, end);
}

export function scanJs(js: string, where = 'JS'): Finding[] {
	const found: Finding[] = [];
	// An absolute URL in a string literal (group: the URL).
	const literal = `["'\`]((?:https?:)?//[^"'\`\\s]+)["'\`]`;
	// Calls that fetch: fetch("https://…"), import("//…"), new Worker("https://…"), importScripts, EventSource, …
	const calls = new RegExp(
		`\\b(fetch|import|importScripts|Worker|SharedWorker|EventSource|WebSocket|sendBeacon|open|loadImage|getJSON|setRTLTextPlugin)\\s*\\(\\s*(?:["'\`]GET["'\`]\\s*,\\s*)?${literal}`,
		'g'
	);
	for (const m of js.matchAll(calls)) found.push({ what: `${where} ${m[1]}()`, url: m[2] });
	// Style keys that always load: glyphs, sprite, tiles.
	const styleKeys = new RegExp(`["']?\\b(glyphs|sprite|tiles)["']?\\s*:\\s*\\[?\\s*(?:\\{\\s*["']?id["']?\\s*:\\s*["'][^"']*["']\\s*,\\s*["']?url["']?\\s*:\\s*)?${literal}`, 'g');
	for (const m of js.matchAll(styleKeys)) found.push({ what: `${where} style ${m[1]}`, url: m[2] });
	// A source's url/data/urls loads when the object is a map source.
	const sourceKeys = new RegExp(`["']?\\b(url|data|urls)["']?\\s*:\\s*\\[?\\s*${literal}`, 'g');
	for (const m of js.matchAll(sourceKeys)) {
		if (SOURCE_TYPES.test(enclosingObject(js, m.index ?? 0)))
			found.push({ what: `${where} map source ${m[1]}`, url: m[2] });
	}
	// Any other absolute URL that names a loadable file or a tile template.
	for (const m of js.matchAll(new RegExp(literal, 'g')))
		if (LOADABLE.test(m[1]) && !found.some((f) => f.url === m[1])) found.push({ what: `${where} URL to a loadable file`, url: m[1] });
	return found;
}

export function scanJson(text: string, where = 'JSON'): Finding[] {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return scanJs(text, where);
	}
	const found: Finding[] = [];
	const visit = (value: unknown, key: string, parent: Record<string, unknown> | undefined) => {
		if (typeof value === 'string') {
			// An oEmbed document's thumbnail is for the consumer to show, like an og:image: no page of the site loads it.
			if (!isForeign(value) || key === 'thumbnail_url') return;
			const isSource = parent && typeof parent.type === 'string' && /^(vector|raster|raster-dem|geojson|image|video)$/.test(parent.type);
			if (['glyphs', 'sprite', 'tiles'].includes(key) || (isSource && ['url', 'data', 'urls'].includes(key)) || LOADABLE.test(value))
				found.push({ what: `${where} ${key}`, url: value });
		} else if (Array.isArray(value)) value.forEach((item) => visit(item, key, parent));
		else if (value && typeof value === 'object')
			for (const [k, v] of Object.entries(value)) visit(v, k, value as Record<string, unknown>);
	};
	visit(data, '', undefined);
	return found;
}

export function scanHtml(html: string, where = 'HTML'): Finding[] {
	const found: Finding[] = [];
	for (const m of html.matchAll(/<([a-z][a-z0-9:-]*)\b[^>]*>/gi)) {
		const name = m[1].toLowerCase();
		const attrs = attributesOf(m[0]);
		for (const attr of SRC_ATTRS[name] ?? []) {
			const value = attrs[attr];
			if (!value) continue;
			for (const url of attr === 'srcset' ? srcsetUrls(value) : [value])
				if (isForeign(url)) found.push({ what: `${where} <${name} ${attr}>`, url });
		}
		if (name === 'link' && attrs.href && isForeign(attrs.href)) {
			const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
			if (rels.some((rel) => LOADING_RELS.has(rel))) found.push({ what: `${where} <link rel="${attrs.rel}">`, url: attrs.href });
		}
		if (name === 'meta' && /refresh/i.test(attrs['http-equiv'] ?? '')) {
			const url = /url\s*=\s*['"]?([^'"\s]+)/i.exec(attrs.content ?? '')?.[1];
			if (url && isForeign(url)) found.push({ what: `${where} <meta refresh>`, url });
		}
		if (attrs.style) found.push(...scanCss(attrs.style, `${where} style attribute`));
	}
	for (const style of elements(html, 'style')) found.push(...scanCss(style.inner, `${where} <style>`));
	for (const script of elements(html, 'script')) {
		if (script.attrs.src) continue;
		const type = script.attrs.type ?? '';
		found.push(...(/json/.test(type) ? scanJson(script.inner, `${where} <script ${type}>`) : scanJs(script.inner, `${where} <script>`)));
	}
	return found;
}

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

/** Every finding in every text file of a build directory, with the file it is in. */
function scanBuild(dir: string): string[] {
	const findings: string[] = [];
	for (const file of walk(dir)) {
		const path = relative(dir, file).split(sep).join('/');
		const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
		if (!['html', 'htm', 'css', 'js', 'mjs', 'json', 'geojson', 'webmanifest', 'svg', 'xml'].includes(ext)) continue;
		const text = readFileSync(file, 'utf8');
		const found =
			ext === 'html' || ext === 'htm' || ext === 'svg' || ext === 'xml'
				? scanHtml(text, path)
				: ext === 'css'
					? scanCss(text, path)
					: ext === 'js' || ext === 'mjs'
						? scanJs(text, path)
						: scanJson(text, path);
		findings.push(...found.map((f) => `${f.what}: ${f.url}`));
	}
	return findings;
}

// ---------------------------------------------------------------------------------------------------------------------

describe('the scanner finds what loads from another host', () => {
	it('in HTML, and lets plain links and same-site files through', () => {
		const html = `<!doctype html><html><head>
			<link rel="stylesheet" href="https://cdn.example.com/a.css">
			<link rel="modulepreload" href="//cdn.example.com/b.js">
			<link rel="icon" href="https://example.com/favicon.ico">
			<link rel="canonical" href="https://example.com/story/">
			<link rel="stylesheet" href="./_app/immutable/assets/0.css">
			<script type="module" src="https://cdn.example.com/c.js"></script>
			<script>fetch("https://api.example.com/data")</script>
			<style>@import url("https://fonts.example.com/css"); body { background: url(/bg.png) }</style>
			</head><body>
			<img src="https://img.example.com/x.png" alt=""><img srcset="a.png 1x, https://img.example.com/y.png 2x" alt="">
			<div style="background-image: url('https://img.example.com/z.png')"></div>
			<a href="https://edition.cnn.com/2025/04/21/world/story">CNN</a>
			</body></html>`;
		const urls = scanHtml(html).map((f) => f.url);
		expect(urls).toEqual(
			expect.arrayContaining([
				'https://cdn.example.com/a.css',
				'//cdn.example.com/b.js',
				'https://example.com/favicon.ico',
				'https://cdn.example.com/c.js',
				'https://api.example.com/data',
				'https://fonts.example.com/css',
				'https://img.example.com/x.png',
				'https://img.example.com/y.png',
				'https://img.example.com/z.png'
			])
		);
		expect(urls).not.toContain('https://example.com/story/');
		expect(urls).not.toContain('https://edition.cnn.com/2025/04/21/world/story');
		expect(urls).toHaveLength(9);
	});

	it('in CSS, but not in data: URLs', () => {
		const css = `.a{background:url(https://x.example/a.png)}@import "https://x.example/b.css";
			.c{mask:url("data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/2000/svg'/>")}.d{background:url(../e.png)}`;
		expect(scanCss(css).map((f) => f.url)).toEqual(['https://x.example/a.png', 'https://x.example/b.css']);
	});

	it('in map styles written in JS or JSON', () => {
		const js = `const s={version:8,glyphs:"https://fonts.example.com/{fontstack}/{range}.pbf",sprite:"https://s.example.com/sprite",
			sources:{a:{type:"vector",url:"https://tiles.example.com/v.json"},b:{type:"raster",tiles:["https://t.example.com/{z}/{x}/{y}.png"]},
			c:{type:"geojson",data:"https://data.example.com/places"}},layers:[]};
			const source={id:"cnn",publisher:"CNN",url:"https://edition.cnn.com/2025/04/21/story"};
			const ns="http://www.w3.org/2000/svg";const docs="https://maplibre.org/";`;
		const urls = scanJs(js).map((f) => f.url);
		expect(urls).toEqual(
			expect.arrayContaining([
				'https://fonts.example.com/{fontstack}/{range}.pbf',
				'https://s.example.com/sprite',
				'https://tiles.example.com/v.json',
				'https://t.example.com/{z}/{x}/{y}.png',
				'https://data.example.com/places'
			])
		);
		expect(urls).toHaveLength(5);
		const json = JSON.stringify({ glyphs: 'https://g.example/{fontstack}/{range}.pbf', sources: { s: { type: 'geojson', data: 'https://d.example/x' } }, article: { url: 'https://edition.cnn.com/x' } });
		expect(scanJson(json).map((f) => f.url)).toEqual(['https://g.example/{fontstack}/{range}.pbf', 'https://d.example/x']);
	});
});

const editions = editionsUnderTest();

/** The built file a site path is served from (`/en/x/` → build/en/x/index.html). */
const builtFile = (path: string) => join(BUILD, path.endsWith('/') ? `${path}index.html` : path);
const read = (path: string) => readFileSync(builtFile(path), 'utf8');
/** The article.chapter elements of a page, in order. */
const chapterArticles = (page: string) => elements(page, 'article').filter((a) => /\bchapter\b/.test(a.attrs.class ?? ''));
const htmlLang = (page: string) => attributesOf(/<html\b[^>]*>/i.exec(page)?.[0] ?? '<html>').lang;

describe.runIf(existsSync(BUILD))('the built site', () => {
	it('has the index, the old single-story addresses and the shared scripts', () => {
		for (const path of ['/', '/embed/', '/embed/builder/', '/kiosk/', PYM_SCRIPT_PATH, FRAMES_SCRIPT_PATH, '/service-worker.js'])
			expect(existsSync(builtFile(path)), `build${path}`).toBe(true);
	});

	describe.each(editions.map((edition) => [edition.name, edition] as const))('%s', (_, edition) => {
		const { data: story, paths } = edition;

		it('has every file of the edition: scroll page, embed, builder, kiosk, oEmbed and map data', () => {
			for (const path of Object.values(paths)) expect(existsSync(builtFile(path)), `build${path}`).toBe(true);
		});

		it('every page of the edition is in its language (<html lang>)', () => {
			for (const path of [paths.scroll, paths.embed, paths.builder, paths.kiosk]) expect(htmlLang(read(path)), path).toBe(edition.lang);
		});

		it('prerenders every chapter’s title, text and source links, in order', () => {
			expect(story.chapters.length).toBeGreaterThan(0);
			const page = read(paths.scroll);
			const articles = chapterArticles(page);
			expect(articles.map((a) => a.attrs.id), 'one article.chapter per chapter, in order').toEqual(story.chapters.map((c) => c.id));

			for (const [index, chapter] of story.chapters.entries()) {
				const { attrs, inner } = articles[index];
				expect(attrs['data-chapter-id']).toBe(chapter.id);
				const heading = elements(inner, 'h2')[0];
				expect(heading, `${chapter.id} has an h2`).toBeDefined();
				expect(textOf(heading.inner)).toBe(collapse(chapter.title));

				// Every paragraph of the chapter's text, in order.
				const text = textOf(inner);
				let from = 0;
				for (const paragraph of chapter.text.split(/\n\s*\n/).map(collapse).filter(Boolean)) {
					const at = text.indexOf(paragraph, from);
					expect(at, `${chapter.id}: “${paragraph.slice(0, 60)}…” is on the page after what comes before it`).toBeGreaterThanOrEqual(0);
					from = at + paragraph.length;
				}

				// Its sources, as links.
				const list = elements(inner, 'ul').find((ul) => /\bsources\b/.test(ul.attrs.class ?? ''));
				expect(list, `${chapter.id} has ul.sources`).toBeDefined();
				const links = elements(list!.inner, 'a').map((a) => ({ href: a.attrs.href, text: textOf(a.inner) }));
				expect(chapter.sources.length).toBeGreaterThan(0);
				for (const source of chapter.sources) {
					const link = links.find((l) => l.href === source.url);
					expect(link, `${chapter.id}: a link to ${source.url}`).toBeDefined();
					expect(link!.text).toContain(collapse(source.title));
				}
			}

			// The page's headline.
			expect(textOf(elements(page, 'h1')[0]?.inner ?? '')).toBe(collapse(story.title));
			// Every source the story cites is linked (the e2e spec checks they are gathered in section#sources).
			const hrefs = elements(page, 'a').map((a) => a.attrs.href);
			for (const source of story.sources) expect(hrefs, `a link to ${source.url}`).toContain(source.url);
		});

		it('the Chapters nav links every chapter, in order', () => {
			const nav = elements(read(paths.scroll), 'nav').find((n) => n.attrs['aria-label'] === uiText(edition.lang).chapters);
			expect(nav).toBeDefined();
			expect(elements(nav!.inner, 'a').map((a) => a.attrs.href)).toEqual(story.chapters.map((c) => `#${c.id}`));
		});

		it('the embed and the kiosk prerender every chapter’s title, in order', () => {
			for (const path of [paths.embed, paths.kiosk]) {
				const articles = chapterArticles(read(path));
				expect(articles.map((a) => a.attrs['data-chapter-id']), path).toEqual(story.chapters.map((c) => c.id));
				expect(articles.map((a) => textOf(elements(a.inner, 'h2')[0]?.inner ?? '')), path).toEqual(story.chapters.map((c) => collapse(c.title)));
			}
		});

		it('its map data holds the edition’s places and routes, named in its language', () => {
			const data = JSON.parse(read(paths.mapData)) as { places: Story['places']; routes: Story['routes'] };
			const ids = (fc: { features: { properties: { id: string } }[] }) => fc.features.map((f) => f.properties.id).sort();
			expect(ids(data.places)).toEqual(ids(story.places));
			expect(ids(data.routes)).toEqual(ids(story.routes));
			const labels = (fc: { features: { properties: { id: string; label: string } }[] }) => Object.fromEntries(fc.features.map((f) => [f.properties.id, f.properties.label]));
			expect(labels(data.places)).toEqual(labels(story.places));
		});
	});

	it('every link within the site leads to a page or file that is built, with no redirect on the way', () => {
		const broken: string[] = [];
		for (const file of walk(BUILD).filter((f) => f.endsWith('.html'))) {
			const page = `/${relative(BUILD, file).split(sep).join('/')}`.replace(/index\.html$/, '');
			for (const { attrs } of elements(readFileSync(file, 'utf8'), 'a')) {
				const href = attrs.href;
				if (!href || href.startsWith('#') || /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue;
				const path = new URL(href, `http://site${page}`).pathname;
				const target = join(BUILD, decodeURIComponent(path));
				const isFile = existsSync(target) && statSync(target).isFile();
				const isPage = path.endsWith('/') && existsSync(join(target, 'index.html'));
				if (!isFile && !isPage) broken.push(`${page}: <a href="${href}"> ${existsSync(join(target, 'index.html')) ? `needs a trailing slash (${path}/)` : 'leads nowhere'}`);
			}
		}
		expect(broken).toEqual([]);
	});

	it('loads nothing from another host (HTML, CSS, JS, JSON, SVG)', () => {
		expect(scanBuild(BUILD)).toEqual([]);
	});
});

describe.skipIf(existsSync(BUILD))('the built site (missing)', () => {
	it('needs a build first', () => {
		throw new Error(`${relative(process.cwd(), BUILD)}/ does not exist: run \`STORY_FIXTURES=1 npx vite build\` (or \`npm run build\`) before \`vitest run --project build\``);
	});
});
