/**
 * oEmbed documents (https://oembed.com, `type: "rich"`), prerendered as static files: one per edition
 * (`/<lang>/<story>/oembed.json`, the whole story) and one per chapter (`/<lang>/<story>/oembed/<chapter>.json`, that
 * chapter alone), each advertised by its page with `<link rel="alternate" type="application/json+oembed">`. A static
 * host cannot read `?url=`, `maxwidth` or `maxheight`, so each URL has its own document instead. The HTML is the
 * plain iframe snippet (oEmbed consumers often strip scripts), as tall as its tallest chapter at the narrowest width.
 * The thumbnail is the share card: the story's, or the chapter's.
 */
import { narrowHeights, NARROWEST_WIDTH, plainIframeHeight, type ChapterText } from './height';
import { selectionQuery } from './selection';
import { snippet } from './snippets';
import { chapterCardPath, publicUrl, storyCardPath } from '$lib/site/urls';
import { REFERENCE_VIEW } from '$lib/static-map/reference';

export interface OEmbedRich {
	version: '1.0';
	type: 'rich';
	title: string;
	provider_name: string;
	provider_url: string;
	html: string;
	width: number;
	height: number;
	thumbnail_url: string;
	thumbnail_width: number;
	thumbnail_height: number;
}

interface StoryForOEmbed {
	id: string;
	lang: string;
	title: string;
	chapters: (ChapterText & { id: string })[];
}

/** The whole story, or one chapter of it when `chapterId` is given. */
export function oembedFor(story: StoryForOEmbed, base: string, chapterId?: string): OEmbedRich {
	const edition = { lang: story.lang, story: story.id };
	const ids = story.chapters.map((chapter) => chapter.id);
	const shown = chapterId ? story.chapters.filter((chapter) => chapter.id === chapterId) : story.chapters;
	if (shown.length === 0) throw new Error(`oEmbed: no chapter \`${chapterId}\` in ${story.id} (${story.lang})`);
	const title = chapterId ? `${shown[0].title} · ${story.title}` : story.title;
	const height = plainIframeHeight(shown.map(narrowHeights));
	return {
		version: '1.0',
		type: 'rich',
		title,
		provider_name: new URL(base).host,
		provider_url: publicUrl(base, '/'),
		html: snippet('iframe', { base, edition, query: chapterId ? selectionQuery([chapterId], ids) : '', title, iframeHeight: height }),
		width: NARROWEST_WIDTH,
		height,
		thumbnail_url: publicUrl(base, chapterId ? chapterCardPath(edition, chapterId) : storyCardPath(edition)),
		thumbnail_width: REFERENCE_VIEW.width,
		thumbnail_height: REFERENCE_VIEW.height
	};
}
