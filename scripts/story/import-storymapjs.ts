/**
 * Imports a Knight Lab StoryMapJS JSON file (`{ "storymap": { "slides": [ … ] } }`) as a draft story: the overview
 * slide gives the title and summary and frames every place; each other slide becomes a chapter that emphasises its
 * location, which becomes a place; a slide's media credit and link become a source for its chapter.
 */
import { htmlToMarkdown } from './html-to-markdown';
import {
	emptyReport,
	inRange,
	placeAt,
	placeholderSource,
	plainLine,
	slugId,
	type Draft,
	type DraftChapter,
	type DraftPlace,
	type DraftSource,
	type ImportReport
} from './import-draft';
import { titleFromId } from './new';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: Json | undefined) => (typeof value === 'string' ? value.trim() : '');
const numberOf = (value: Json | undefined) => {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/** True for JSON that looks like a StoryMapJS story. */
export function isStoryMapJs(data: unknown): data is { storymap: JsonObject } {
	return isObject(data as Json) && isObject((data as JsonObject).storymap) && Array.isArray(((data as JsonObject).storymap as JsonObject).slides);
}

/** Why a storymap-level setting has no equivalent here. */
const settingNotes: Record<string, string> = {
	map_type: 'the basemap: this site draws its own from Natural Earth',
	map_as_image: 'a picture in place of the map (gigapixel mode)',
	zoomify: 'a zoomable image in place of the map',
	map_subdomains: 'the tile server\'s subdomains',
	map_background_color: 'the map background colour',
	attribution: 'the map attribution',
	line_color: 'the colour of the line between slides',
	line_color_hex: 'the colour of the line between slides',
	line_weight: 'the width of the line between slides',
	line_opacity: 'the opacity of the line between slides',
	line_dash: 'the dash of the line between slides',
	line_join: 'the corners of the line between slides',
	line_follows_path: 'the line between slides',
	calculate_zoom: 'automatic zoom per slide: here a chapter frames its places',
	call_to_action: 'the start button on the overview',
	call_to_action_text: 'the start button\'s label',
	font_css: 'the fonts',
	layout: 'the layout'
};
const carriedSettings = new Set(['slides', 'language']);
const ignoredWhenEmpty = (value: Json) => value === '' || value === null || value === false;

export function importStoryMapJs(data: { storymap: JsonObject }, file: string, id: string): Draft {
	const storymap = data.storymap;
	const report: ImportReport = emptyReport('Knight Lab StoryMapJS JSON', file);
	const language = textOf(storymap.language);
	const lang = language === 'es' ? 'es' : 'en';
	if (language && language !== lang) report.toCheck.push(`the original's language is \`${language}\`; the edition is written as \`${lang}\` (this site publishes en and es): rename the file and set \`lang\` when the site supports it`);
	for (const [key, value] of Object.entries(storymap)) {
		if (carriedSettings.has(key) || ignoredWhenEmpty(value)) continue;
		report.notCarried.push(`setting \`${key}\` (${typeof value === 'object' ? 'settings' : JSON.stringify(value)}): ${settingNotes[key] ?? 'no equivalent here'}`);
	}
	if (storymap.map_as_image === true) report.toCheck.push('the original shows an image instead of a map: its slide locations are positions on that image, not on Earth; check every camera and place');

	const slides = (storymap.slides as Json[]).filter(isObject);
	const chapterIds = new Set<string>();
	const placeIds = new Set<string>();
	const sourceIds = new Set<string>([placeholderSource.id]);
	const places: DraftPlace[] = [];
	const sources: DraftSource[] = [];
	const chapters: DraftChapter[] = [];
	let overview: DraftChapter | undefined;
	let lines = 0;

	slides.forEach((slide, index) => {
		const isOverview = slide.type === 'overview' || (index === 0 && !isObject(slide.location));
		const text = isObject(slide.text) ? slide.text : {};
		const headline = plainLine(htmlToMarkdown(textOf(text.headline)).markdown);
		const location = isObject(slide.location) ? slide.location : {};
		const locationName = textOf(location.name);
		const chapterId = slugId(headline || locationName, isOverview ? 'overview' : `slide-${index + 1}`, chapterIds);
		const where = `chapter \`${chapterId}\``;

		const converted = htmlToMarkdown(textOf(text.text));
		for (const dropped of converted.dropped) report.droppedFromText.push(`${where}: ${dropped}`);
		const headlineDropped = htmlToMarkdown(textOf(text.headline)).dropped;
		for (const dropped of headlineDropped) report.droppedFromText.push(`${where} (headline): ${dropped}`);
		let body = converted.markdown;
		const date = textOf(slide.date);
		const isoDate = /^\d{4}-\d{2}(-\d{2})?$/.test(date) ? date : undefined;
		if (date && !isoDate) {
			body = `*${plainLine(date).replace(/[*_\\]/g, '')}*${body ? `\n\n${body}` : ''}`;
			report.carried.push(`${where}: the date "${date}" is not a calendar date (YYYY-MM-DD or YYYY-MM), so it opens the text`);
		}
		if (!body) {
			body = '*(This chapter has no text yet.)*';
			report.toCheck.push(`${where}: the original has no text; write it`);
		}

		const chapterSources: string[] = [];
		const media = isObject(slide.media) ? slide.media : undefined;
		const mediaUrl = textOf(media?.url);
		if (mediaUrl) {
			const caption = plainLine(htmlToMarkdown(textOf(media?.caption)).markdown);
			const credit = plainLine(htmlToMarkdown(textOf(media?.credit)).markdown);
			report.notCarried.push(`${where}: media ${mediaUrl}${caption ? ` ("${caption}")` : ''}${credit ? `, credit ${credit}` : ''} (the story shows no images or embedded media)`);
			if (/^https?:\/\/[^\s/]+/.test(mediaUrl)) {
				const host = new URL(mediaUrl).hostname.replace(/^www\./, '');
				const title = caption || credit || host;
				const source: DraftSource = { id: slugId(credit || title, 'media', sourceIds), title, publisher: credit || host, url: mediaUrl, unverified: true, note: `The media of the original slide "${headline || chapterId}": confirm it is a source for what the chapter says.` };
				sources.push(source);
				chapterSources.push(source.id);
			}
		}
		if (isObject(slide.background) && Object.values(slide.background).some((v) => !ignoredWhenEmpty(v))) {
			report.notCarried.push(`${where}: slide background (${Object.entries(slide.background).filter(([, v]) => !ignoredWhenEmpty(v)).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(', ')})`);
		}
		if (textOf(location.icon)) report.notCarried.push(`${where}: marker icon ${textOf(location.icon)} (places are drawn by the site)`);
		if (location.line === true && !isOverview) lines++;

		const chapter: DraftChapter = { id: chapterId, title: headline || locationName || `Slide ${index + 1}`, body, places: [], sources: chapterSources };
		if (isoDate) chapter.date = isoDate;
		if (!headline) report.toCheck.push(`${where}: the original slide has no headline; it is called "${chapter.title}"`);

		if (isOverview) {
			overview = chapter;
		} else {
			const lat = numberOf(location.lat);
			const lon = numberOf(location.lon ?? location.lng);
			const zoom = numberOf(location.zoom);
			if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
				report.toCheck.push(`${where}: the slide has no usable location; the chapter shows the whole world`);
				chapter.camera = { center: [0, 20], zoom: 1 };
			} else {
				const name = locationName || headline || `Slide ${index + 1}`;
				const place = placeAt([lon, lat], name, slugId(name, `place-${index + 1}`, placeIds), [], report);
				if (place) {
					places.push(place);
					chapter.places = [place.id];
					if (zoom !== undefined) chapter.maxZoom = inRange(zoom, 0, 24, `${where}: zoom`, report);
				} else {
					report.toCheck.push(`${where}: its location [${lon}, ${lat}] lies in no country (at sea?), so it is a camera, not a place`);
					chapter.camera = { center: [lon, lat], zoom: zoom === undefined ? 6 : inRange(zoom, 0, 24, `${where}: zoom`, report) };
				}
			}
		}
		if (!isOverview) chapters.push(chapter);
	});
	if (chapters.length === 0 && !overview) throw new Error(`${file}: \`storymap.slides\` holds no slides to import.`);
	if (lines > 0) report.notCarried.push(`the line joining the slides' locations in order: routes here have a mode (flight, road, proposed, return) and sources; define one in route-defs.json through the places, then \`npm run geo\``);

	// A place's position comes from the original, which names no source for it; chapters without media cite none.
	const usesPlaceholder = places.length > 0 || [overview, ...chapters].some((c) => c && c.sources.length === 0);
	for (const chapter of [overview, ...chapters]) if (chapter && chapter.sources.length === 0) chapter.sources = [placeholderSource.id];
	for (const place of places) place.sources = [placeholderSource.id];
	if (usesPlaceholder) sources.push(placeholderSource);

	if (overview) {
		overview.places = places.map((p) => p.id);
		if (overview.places.length === 0) overview.camera = chapters.find((c) => c.camera)?.camera ?? { center: [0, 20], zoom: 1 };
		chapters.unshift(overview);
	}
	const mediaSources = sources.filter((s) => s !== placeholderSource).length;
	const overviewText = overview ? plainLine(overview.body.split('\n\n')[0]) : '';
	report.carried.unshift(
		`${chapters.length} chapter${chapters.length === 1 ? '' : 's'} from the slides, with headlines, text (HTML turned into Markdown) and dates${overview ? ' (the overview slide frames every place)' : ''}`,
		`${places.length} place${places.length === 1 ? '' : 's'} from the slides' locations (each chapter emphasises its own; the slide's zoom is the chapter's \`max-zoom\`)`,
		...(mediaSources > 0 ? [`${mediaSources} source${mediaSources === 1 ? '' : 's'} from the slides' media links`] : [])
	);
	report.toCheck.push(
		...(usesPlaceholder ? [`places, and chapters without media, cite the placeholder source \`${placeholderSource.id}\` (\`unverified: true\`): the original cites no sources; add the real ones to sources.yaml and cite them`] : []),
		...(mediaSources > 0 ? ['sources made from media links are marked `unverified: true`: confirm each, then remove the mark'] : []),
		'`credits` is to be written: StoryMapJS keeps none'
	);
	return {
		id,
		lang,
		title: overview?.title ?? titleFromId(id),
		summary: overviewText.length > 0 ? (overviewText.length > 200 ? `${overviewText.slice(0, 197)}…` : overviewText) : 'Summary to be written.',
		credits: 'Credits to be written.',
		article: (overview ?? chapters[0]).sources[0],
		chapters,
		places,
		sources,
		report
	};
}
