import { editions, loadStory } from '$lib/story/load.server';
import { overviewState } from '$lib/geo/overview';
import { chapterDwellSeconds } from '$lib/modes/kiosk/dwell';
import { linksAsText } from '$lib/modes/kiosk/links';
import { chapterQr } from '$lib/modes/kiosk/qr.server';
import { uiText } from '$lib/ui-text';
import type { PageServerLoad } from './$types';

export const entries = editions;

export const load = (async ({ parent, params }) => {
	const { publicBaseUrl } = await parent();
	const story = loadStory(params.story, params.lang);
	const chapters = await Promise.all(
		// The plain text only sets the dwell; the screen shows the HTML.
		story.chapters.map(async ({ text, ...chapter }) => ({
			...chapter,
			html: linksAsText(chapter.html),
			dwellSeconds: chapterDwellSeconds({ ...chapter, text }),
			qr: await chapterQr(chapter, { base: publicBaseUrl, edition: params, text: uiText(story.lang, story.ui) })
		}))
	);
	return {
		story: {
			id: story.id,
			title: story.title,
			summary: story.summary,
			credits: story.credits,
			lang: story.lang,
			...(story.ui && { ui: story.ui })
		},
		chapters,
		overview: overviewState(story.chapters)
	};
}) satisfies PageServerLoad;
