/** The static maps and share cards of the site's stories, for the prerendered endpoints. */
import { basemapDetail } from '$lib/map/basemap.server';
import { loadStory } from '$lib/story/load.server';
import { basemapFor } from './basemap.server';
import { cardSvg } from './card';
import { notoSans } from './fonts.server';
import { mapPictures, OVERVIEW_ID, pictureSvg, type EditionPictures } from './pictures';
import { rasterize } from './raster.server';

const svgs = new Map<string, string>();

function picture(storyId: string, lang: string, id: string) {
	const story = loadStory(storyId, lang);
	const found = mapPictures(story).find((p) => p.id === id);
	if (!found) throw new Error(`No map picture \`${id}\` in ${storyId}/${lang}: its chapters are ${story.chapters.map((c) => c.id).join(', ')}.`);
	return { story, picture: found };
}

/** `/<lang>/<story>/map/<id>.svg`: the chapter's (or overview's) static map. */
export function staticMapSvg(storyId: string, lang: string, id: string): string {
	const key = `${storyId}/${lang}/${id}`;
	let svg = svgs.get(key);
	if (!svg) {
		const { story, picture: found } = picture(storyId, lang, id);
		svg = pictureSvg(story, found, basemapFor(storyId, lang), notoSans().measure);
		svgs.set(key, svg);
	}
	return svg;
}

/** Every picture id of an edition: `overview` and each chapter. */
export function pictureIds(storyId: string, lang: string): string[] {
	return mapPictures(loadStory(storyId, lang)).map((p) => p.id);
}

/** The edition's pictures for the map area (see EditionPictures). */
export function editionPictures(storyId: string, lang: string): EditionPictures {
	return {
		detail: basemapDetail(storyId),
		alts: Object.fromEntries(mapPictures(loadStory(storyId, lang)).map((p) => [p.id, p.description]))
	};
}

/** A chapter's share card, or (with OVERVIEW_ID) the story's. */
export function cardPng(storyId: string, lang: string, id: string): Buffer {
	const { story, picture: found } = picture(storyId, lang, id);
	const chapter = story.chapters.find((c) => c.id === id);
	const text = chapter ? { kicker: story.title, title: chapter.title } : { title: story.title, detail: story.summary };
	// The card is exactly the reference frame: nothing is drawn beyond it.
	const map = pictureSvg(story, found, basemapFor(storyId, lang), notoSans().measure, { bleed: { x: 0, y: 0 } });
	return rasterize(cardSvg(map, text, notoSans().measure));
}

export { OVERVIEW_ID };
