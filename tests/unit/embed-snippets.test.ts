import { describe, expect, it } from 'vitest';
import { oembedFor } from '$lib/modes/embed/oembed';
import { escapeHtml, PLAIN_IFRAME_HEIGHT, snippet } from '$lib/modes/embed/snippets';
import { DEFAULT_PUBLIC_BASE_URL, normalizeBaseUrl } from '$lib/modes/embed/urls';

describe('normalizeBaseUrl', () => {
	it('defaults to the local preview and drops trailing slashes', () => {
		expect(normalizeBaseUrl(undefined)).toBe(DEFAULT_PUBLIC_BASE_URL);
		expect(normalizeBaseUrl('  ')).toBe(DEFAULT_PUBLIC_BASE_URL);
		expect(normalizeBaseUrl('https://news.example.org/')).toBe('https://news.example.org');
		expect(normalizeBaseUrl('https://news.example.org/graphics/252//')).toBe('https://news.example.org/graphics/252');
	});

	it('refuses what is not a plain http(s) address, saying what to set', () => {
		for (const raw of ['news.example.org', 'ftp://example.org', 'javascript:alert(1)', 'https://example.org/?a=1', 'https://u:p@example.org'])
			expect(() => normalizeBaseUrl(raw), raw).toThrow(/PUBLIC_BASE_URL/);
	});
});

describe('snippets', () => {
	const options = { base: 'https://news.example.org/maps', query: '?steps=cecot,exchange', title: '252 for 252' };

	it('pym.js: a data-pym-src container and the parent script, both from the public base URL', () => {
		expect(snippet('pym', options)).toBe(
			'<div data-pym-src="https://news.example.org/maps/embed/?steps=cecot,exchange" data-pym-title="252 for 252">' +
				'<a href="https://news.example.org/maps/">252 for 252</a></div>\n' +
				'<script src="https://news.example.org/maps/embed/pym.v1.min.js"></script>'
		);
	});

	it('@newswire/frames: a data-frame-src container, the parent script and its auto-init call', () => {
		expect(snippet('frames', options)).toBe(
			'<div data-frame-src="https://news.example.org/maps/embed/?steps=cecot,exchange" data-frame-attribute-title="252 for 252"></div>\n' +
				'<script src="https://news.example.org/maps/embed/frames.umd.js"></script>\n' +
				'<script>newswireFrames.autoInitFrames();</script>'
		);
	});

	it('plain iframe: a titled, borderless frame at a fixed height', () => {
		expect(snippet('iframe', { ...options, query: '' })).toBe(
			`<iframe src="https://news.example.org/maps/embed/" title="252 for 252" width="100%" height="${PLAIN_IFRAME_HEIGHT}" style="border:0;display:block" loading="lazy"></iframe>`
		);
	});

	it('escapes titles and URLs for HTML', () => {
		expect(escapeHtml(`"A" & <b>'s</b>`)).toBe('&#34;A&#34; &#38; &#60;b&#62;&#39;s&#60;/b&#62;');
		const html = snippet('iframe', { base: 'https://x.example', query: '?step=a&b', title: '"><script>alert(1)</script>' });
		expect(html).toContain('title="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"');
		expect(html).toContain('src="https://x.example/embed/?step=a&#38;b"');
		expect(html).not.toContain('<script>');
	});
});

describe('oembedFor', () => {
	it('is a rich oEmbed document whose HTML is the plain iframe snippet', () => {
		const doc = oembedFor({ title: '252 for 252' }, 'https://news.example.org/maps');
		expect(doc).toEqual({
			version: '1.0',
			type: 'rich',
			title: '252 for 252',
			provider_name: 'news.example.org',
			provider_url: 'https://news.example.org/maps/',
			html: snippet('iframe', { base: 'https://news.example.org/maps', query: '', title: '252 for 252' }),
			width: expect.any(Number),
			height: PLAIN_IFRAME_HEIGHT
		});
	});
});
