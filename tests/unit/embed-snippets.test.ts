import { describe, expect, it } from 'vitest';
import { embedKeyDirection, swipeDirection } from '$lib/modes/embed/gestures';
import { oembedFor } from '$lib/modes/embed/oembed';
import { embedSrc, escapeHtml, PLAIN_IFRAME_HEIGHT, snippet } from '$lib/modes/embed/snippets';
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
	const options = { base: 'https://news.example.org/maps', edition, query: '?steps=pier,lighthouse', title: 'Harbour lights' };

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
			`<iframe src="https://news.example.org/maps/pt/harbour-lights/embed/" title="Harbour lights" width="100%" height="${PLAIN_IFRAME_HEIGHT}" style="border:0;display:block" loading="lazy"></iframe>`
		);
	});

	it('embedSrc: the edition’s embed address with the selection', () => {
		expect(embedSrc('https://x.example', edition, '?step=pier')).toBe('https://x.example/pt/harbour-lights/embed/?step=pier');
		expect(embedSrc('https://x.example', { story: 'other', lang: 'ja' }, '')).toBe('https://x.example/ja/other/embed/');
	});

	it('escapes titles and URLs for HTML', () => {
		expect(escapeHtml(`"A" & <b>'s</b>`)).toBe('&#34;A&#34; &#38; &#60;b&#62;&#39;s&#60;/b&#62;');
		const html = snippet('iframe', { base: 'https://x.example', edition, query: '?step=a&b', title: '"><script>alert(1)</script>' });
		expect(html).toContain('title="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"');
		expect(html).toContain('src="https://x.example/pt/harbour-lights/embed/?step=a&#38;b"');
		expect(html).not.toContain('<script>');
	});
});

describe('oembedFor', () => {
	it('is a rich oEmbed document for the edition, whose HTML is the plain iframe snippet of its embed', () => {
		const doc = oembedFor({ id: edition.story, lang: edition.lang, title: 'Harbour lights' }, 'https://news.example.org/maps');
		expect(doc).toEqual({
			version: '1.0',
			type: 'rich',
			title: 'Harbour lights',
			provider_name: 'news.example.org',
			provider_url: 'https://news.example.org/maps/',
			html: snippet('iframe', { base: 'https://news.example.org/maps', edition, query: '', title: 'Harbour lights' }),
			width: expect.any(Number),
			height: PLAIN_IFRAME_HEIGHT
		});
		expect(doc.html).toContain('src="https://news.example.org/maps/pt/harbour-lights/embed/"');
	});
});

describe('gestures', () => {
	it('a swipe left is next, right is previous; taps, scrolls and diagonals are nothing', () => {
		expect(swipeDirection(-80, 5)).toBe(1);
		expect(swipeDirection(80, -10)).toBe(-1);
		expect(swipeDirection(-30, 0)).toBe(0);
		expect(swipeDirection(5, -200)).toBe(0);
		expect(swipeDirection(-80, 70)).toBe(0);
	});

	const key = (key: string, extra: Partial<KeyboardEvent> = {}) =>
		embedKeyDirection({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, defaultPrevented: false, target: null, ...extra });

	it('ArrowRight/j is next, ArrowLeft/k previous; vertical keys are left to the page', () => {
		expect(key('ArrowRight')).toBe(1);
		expect(key('j')).toBe(1);
		expect(key('ArrowLeft')).toBe(-1);
		expect(key('k')).toBe(-1);
		for (const other of ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', ' ', 'Home']) expect(key(other), other).toBe(0);
	});

	it('ignores keys with modifiers, handled ones, and typing in a field', () => {
		expect(key('ArrowRight', { altKey: true })).toBe(0);
		expect(key('ArrowRight', { shiftKey: true })).toBe(0);
		expect(key('ArrowRight', { defaultPrevented: true })).toBe(0);
		const field = { closest: (selector: string) => (selector.includes('input') ? {} : null) } as unknown as EventTarget;
		expect(key('ArrowRight', { target: field })).toBe(0);
	});
});
