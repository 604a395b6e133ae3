import { describe, expect, it } from 'vitest';
import { oembedFor } from '$lib/modes/embed/oembed';
import { embedSrc, escapeHtml, snippet } from '$lib/modes/embed/snippets';
import { estimateEmbedHeight, narrowHeights, NARROWEST_WIDTH, plainIframeHeight } from '$lib/modes/embed/height';
import { DEFAULT_PUBLIC_BASE_URL, normalizeBaseUrl } from '$lib/site/urls';

describe('normalizeBaseUrl', () => {
	it('defaults to the local preview and drops trailing slashes', () => {
		expect(normalizeBaseUrl(undefined)).toBe(DEFAULT_PUBLIC_BASE_URL);
		expect(normalizeBaseUrl('  ')).toBe(DEFAULT_PUBLIC_BASE_URL);
		expect(normalizeBaseUrl('https://news.example.org/')).toBe('https://news.example.org');
		expect(normalizeBaseUrl('https://news.example.org/graphics/maps//')).toBe('https://news.example.org/graphics/maps');
	});

	it('refuses what is not a plain http(s) address, saying what to set', () => {
		for (const raw of ['news.example.org', 'ftp://example.org', 'javascript:alert(1)', 'https://example.org/?a=1', 'https://u:p@example.org'])
			expect(() => normalizeBaseUrl(raw), raw).toThrow(/PUBLIC_BASE_URL/);
	});
});

// A made-up story and edition: snippets depend on the edition's address, never on a particular story.
const edition = { story: 'harbour-lights', lang: 'pt' };

describe('snippets', () => {
	const options = { base: 'https://news.example.org/maps', edition, query: '?steps=pier,lighthouse', title: 'Harbour lights', iframeHeight: 1234 };

	it('pym.js: a data-pym-src container for the edition’s embed, a link to its scroll page, and the parent script, all from the public base URL', () => {
		expect(snippet('pym', options)).toBe(
			'<div data-pym-src="https://news.example.org/maps/pt/harbour-lights/embed/?steps=pier,lighthouse" data-pym-title="Harbour lights">' +
				'<a href="https://news.example.org/maps/pt/harbour-lights/">Harbour lights</a></div>\n' +
				'<script src="https://news.example.org/maps/embed/pym.v1.min.js"></script>'
		);
	});

	it('@newswire/frames: a data-frame-src container, the parent script and its auto-init call', () => {
		expect(snippet('frames', options)).toBe(
			'<div data-frame-src="https://news.example.org/maps/pt/harbour-lights/embed/?steps=pier,lighthouse" data-frame-attribute-title="Harbour lights"></div>\n' +
				'<script src="https://news.example.org/maps/embed/frames.umd.js"></script>\n' +
				'<script>newswireFrames.autoInitFrames();</script>'
		);
	});

	it('plain iframe: a titled, borderless frame at a fixed height', () => {
		expect(snippet('iframe', { ...options, query: '' })).toBe(
			`<iframe src="https://news.example.org/maps/pt/harbour-lights/embed/" title="Harbour lights" width="100%" height="1234" style="border:0;display:block" loading="lazy"></iframe>`
		);
	});

	it('embedSrc: the edition’s embed address with the selection', () => {
		expect(embedSrc('https://x.example', edition, '?step=pier')).toBe('https://x.example/pt/harbour-lights/embed/?step=pier');
		expect(embedSrc('https://x.example', { story: 'other', lang: 'ja' }, '')).toBe('https://x.example/ja/other/embed/');
	});

	it('escapes titles and URLs for HTML', () => {
		expect(escapeHtml(`"A" & <b>'s</b>`)).toBe('&#34;A&#34; &#38; &#60;b&#62;&#39;s&#60;/b&#62;');
		const html = snippet('iframe', { base: 'https://x.example', edition, query: '?step=a&b', title: '"><script>alert(1)</script>', iframeHeight: 900 });
		expect(html).toContain('title="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"');
		expect(html).toContain('src="https://x.example/pt/harbour-lights/embed/?step=a&#38;b"');
		expect(html).not.toContain('<script>');
	});
});

const paragraph = (words: number) => `<p>${Array.from({ length: words }, (_, i) => `word${i}`).join(' ')}</p>`;
const chapters = [
	{ id: 'pier', title: 'The pier', html: paragraph(40) },
	{ id: 'lighthouse', title: 'The lighthouse at the end of the breakwater', html: paragraph(180) + paragraph(60) }
];

describe('plain iframe height', () => {
	it('grows with a chapter’s text and as the frame narrows', () => {
		const [short, long] = chapters;
		expect(estimateEmbedHeight(long, 600)).toBeGreaterThan(estimateEmbedHeight(short, 600));
		expect(estimateEmbedHeight(long, 320)).toBeGreaterThan(estimateEmbedHeight(long, 600) - 600 * 0.75 + 320);
	});

	it('holds the tallest of the chapters it can show, at the narrowest width, in steps of 10 px', () => {
		const height = plainIframeHeight(chapters.map(narrowHeights));
		expect(height % 10).toBe(0);
		expect(height).toBeGreaterThanOrEqual(Math.max(...chapters.map((c) => estimateEmbedHeight(c, NARROWEST_WIDTH))));
		// One chapter alone has no step buttons: no taller than in a sequence.
		expect(plainIframeHeight([narrowHeights(chapters[0])])).toBeLessThanOrEqual(plainIframeHeight(chapters.map(narrowHeights)));
	});
});

describe('oembedFor', () => {
	const story = { id: edition.story, lang: edition.lang, title: 'Harbour lights', chapters };

	it('is a rich oEmbed document for the edition, whose HTML is the plain iframe snippet of its embed, as tall as its tallest chapter', () => {
		const doc = oembedFor(story, 'https://news.example.org/maps');
		const height = plainIframeHeight(chapters.map(narrowHeights));
		expect(doc).toEqual({
			version: '1.0',
			type: 'rich',
			title: 'Harbour lights',
			provider_name: 'news.example.org',
			provider_url: 'https://news.example.org/maps/',
			html: snippet('iframe', { base: 'https://news.example.org/maps', edition, query: '', title: 'Harbour lights', iframeHeight: height }),
			width: NARROWEST_WIDTH,
			height,
			// Its thumbnail is the story's share card.
			thumbnail_url: 'https://news.example.org/maps/pt/harbour-lights/card.png',
			thumbnail_width: 1200,
			thumbnail_height: 630
		});
		expect(doc.html).toContain('src="https://news.example.org/maps/pt/harbour-lights/embed/"');
	});

	it('for one chapter: that chapter alone, titled with it', () => {
		const doc = oembedFor(story, 'https://news.example.org/maps', 'pier');
		expect(doc.title).toBe('The pier · Harbour lights');
		expect(doc.html).toContain('embed/?step=pier');
		expect(doc.thumbnail_url).toBe('https://news.example.org/maps/pt/harbour-lights/card/pier.png');
		expect(doc.height).toBe(plainIframeHeight([narrowHeights(chapters[0])]));
		expect(() => oembedFor(story, 'https://news.example.org/maps', 'nowhere')).toThrow(/nowhere/);
	});
});
