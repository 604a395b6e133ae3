/**
 * Share cards in the built site: every chapter of every edition has a share page (`/<lang>/<story>/c/<chapter>/`)
 * whose card is the chapter's (its picture and title) and which leads to the chapter; every oEmbed document gives its
 * card as a thumbnail. Needs a build (`STORY_FIXTURES=1 npx vite build`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapterCardPath, chapterOembedPath, chapterSharePath, normalizeBaseUrl, publicUrl, storyCardPath } from '$lib/site/urls';
import { REFERENCE_VIEW } from '$lib/static-map/reference';
import { BUILD, editionsUnderTest } from '../editions';

const base = normalizeBaseUrl(process.env.PUBLIC_BASE_URL);
const built = (path: string) => join(BUILD, path.endsWith('/') ? `${path}index.html` : path);
const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The content of `<meta property|name="key">`, or of `<link rel="rel" …>`'s href. */
const meta = (html: string, key: string) => {
	const found = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
	return found === undefined ? undefined : decode(found);
};
const link = (html: string, rel: string) => {
	const found = new RegExp(`<link rel="${rel}"[^>]*href="([^"]*)"`).exec(html)?.[1];
	return found === undefined ? undefined : decode(found);
};

describe.each(editionsUnderTest().map((edition) => [edition.name, edition] as const))('%s', (_, edition) => {
	it.each(edition.data.chapters.map((chapter) => [chapter.id, chapter] as const))('chapter %s: its share page carries its card and leads to it', (id, chapter) => {
		const page = built(chapterSharePath(edition, id));
		expect(existsSync(page), `${page} is built`).toBe(true);
		const html = readFileSync(page, 'utf8');
		const card = publicUrl(base, chapterCardPath(edition, id));
		expect(meta(html, 'og:title')).toBe(`${chapter.title} · ${edition.data.title}`);
		expect(meta(html, 'og:image')).toBe(card);
		expect(meta(html, 'twitter:image')).toBe(card);
		expect(meta(html, 'twitter:card')).toBe('summary_large_image');
		expect([meta(html, 'og:image:width'), meta(html, 'og:image:height')]).toEqual([String(REFERENCE_VIEW.width), String(REFERENCE_VIEW.height)]);
		expect(existsSync(built(chapterCardPath(edition, id))), 'the card is in the build').toBe(true);
		expect(meta(html, 'og:url')).toBe(publicUrl(base, chapterSharePath(edition, id)));
		expect(link(html, 'canonical')).toBe(publicUrl(base, chapterSharePath(edition, id)));
		expect(link(html, 'alternate" type="application/json\\+oembed')).toBe(publicUrl(base, chapterOembedPath(edition, id)));
		// A reader is sent on to the chapter; the link says where, for one without JavaScript.
		expect(html).toMatch(new RegExp(`<a href="[^"]*/${edition.lang}/${edition.story}/#${id}">`));
		// A link preview reads this page's card: no refresh sends it on to the story's.
		expect(html).not.toMatch(/http-equiv="refresh"/i);
	});

	it('its oEmbed documents give their card as a thumbnail', () => {
		const thumbnail = (path: string) => {
			const { thumbnail_url, thumbnail_width, thumbnail_height } = JSON.parse(readFileSync(built(path), 'utf8'));
			return { thumbnail_url, thumbnail_width, thumbnail_height };
		};
		const size = { thumbnail_width: REFERENCE_VIEW.width, thumbnail_height: REFERENCE_VIEW.height };
		expect(thumbnail(edition.paths.oembed)).toEqual({ thumbnail_url: publicUrl(base, storyCardPath(edition)), ...size });
		for (const chapter of edition.data.chapters) {
			expect(thumbnail(chapterOembedPath(edition, chapter.id)), chapter.id).toEqual({ thumbnail_url: publicUrl(base, chapterCardPath(edition, chapter.id)), ...size });
		}
	});
});
