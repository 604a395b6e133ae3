/**
 * Compiles a story whose files have been read: prose from Markdown with computed figures, the map's bounds and
 * descriptions, labels in the edition's language and the sources it cites. Problems found inside prose
 * (placeholders, raw HTML, links) are reported where they are in the story file.
 */
import { describeMapState } from '$lib/geo/describe';
import { frameBounds } from '$lib/geo/framing';
import type { UiWords } from '$lib/ui-text';
import type { Checker } from './checker';
import { computePlaceholders } from './computed';
import { textIn } from './language';
import { linkProblem } from './links';
import { renderMarkdown } from './markdown';
import type { ChapterRead, StoryRead, TextNode } from './read-story';
import type { Chapter, PlaceFeature, RouteFeature, Source, Story } from './types';

export interface CompileOptions {
	/** The story file's checker: prose problems are reported in it. */
	checker: Checker;
	story: StoryRead;
	places: Map<string, PlaceFeature>;
	routes: Map<string, RouteFeature>;
	sources: Map<string, Source>;
	/** The story's ui.<lang>.yaml, when it has one for this edition. */
	ui?: UiWords;
}

/** The Story, or undefined when anything read or compiled has a problem (all of them reported). */
export function compileStory({ checker, story, places, routes, sources, ui }: CompileOptions): Story | undefined {
	const lang = story.fields?.lang ?? 'en';
	const figures = { checker, places, routes, lang, ui };
	const chapters = story.chapters.map((chapter) => compileChapter(chapter, figures));
	if (!story.fields || !chapters.every((chapter) => chapter !== undefined)) return undefined;
	const withLabel = <P extends { name: Record<string, string> }>(properties: P) => ({ ...properties, label: textIn(properties.name, lang)! });
	return {
		...story.fields,
		chapters,
		sources: citedSources({ article: story.fields.article, chapters, places, routes, sources }),
		...(ui && { ui }),
		places: { type: 'FeatureCollection', features: [...places.values()].map((p) => ({ ...p, properties: withLabel(p.properties) })) },
		routes: { type: 'FeatureCollection', features: [...routes.values()].map((r) => ({ ...r, properties: withLabel(r.properties) })) }
	};
}

interface Figures {
	checker: Checker;
	places: Map<string, PlaceFeature>;
	routes: Map<string, RouteFeature>;
	lang: string;
	/** The story's interface words, for the generated map descriptions. */
	ui?: UiWords;
}

function compileChapter(chapter: ChapterRead, figures: Figures): Chapter | undefined {
	const { label } = chapter;
	const prose = chapter.body && renderProse(chapter.body, label, figures);
	const authorDescription = chapter.mapDescription && withFigures(chapter.mapDescription, label, figures);
	if (!chapter.fields || !prose) return undefined;
	const { map } = chapter.fields;
	const placeList = [...figures.places.values()];
	const routeList = [...figures.routes.values()];
	const bounds = map.camera ? undefined : frameBounds(map.frame, placeList, routeList);
	const labelExtent = bounds && labelExtentOf(map.frame, figures);
	return {
		...chapter.fields,
		html: prose.html,
		text: prose.text,
		map: { ...map, ...(bounds && { bounds, labelExtent }) },
		mapDescription: authorDescription ?? describeMapState(map, placeList, routeList, figures.lang, figures.ui),
		mapDescriptionByAuthor: authorDescription !== undefined
	};
}

/** Map labels are 14 px bold Noto Sans, about 8.7 px a character, wrapping at 10 em (140 px). */
const LABEL_CHAR_PX = 8.7;
const LABEL_MAX_PX = 140;
/** The label's offset from its place (0.8 em), and its halo. */
const LABEL_GAP_PX = 15;

/**
 * How far (px) the widest label of the framed places can reach beside its place: the framing keeps at least this
 * much room at the sides, so a label placed left or right of a place at the edge of the view stays inside it.
 */
function labelExtentOf(frame: string[], { places, lang }: Figures): number {
	const widths = frame.flatMap((id) => {
		const place = places.get(id);
		const label = place && textIn(place.properties.name, lang);
		return label ? [Math.min(LABEL_MAX_PX, [...label].length * LABEL_CHAR_PX)] : [];
	});
	return Math.round(Math.max(0, ...widths) + LABEL_GAP_PX);
}

/** Placeholders replaced with figures; problems reported at their place in the file. */
function withFigures({ value, node }: TextNode, label: string, { checker, places, routes, lang }: Figures): string {
	const result = computePlaceholders(value, places, routes, lang);
	for (const problem of result.problems) checker.textProblem(node, value, problem, label);
	return result.text;
}

function renderProse(body: TextNode, label: string, figures: Figures): { html: string; text: string } {
	const markdown = withFigures(body, label, figures);
	const rendered = renderMarkdown(markdown);
	const lineStarts = [0, ...[...markdown.matchAll(/\n/g)].map((m) => m.index! + 1)];
	const report = (snippet: string, line: number, message: string, hint: string) => {
		const offset = markdown.indexOf(snippet, lineStarts[line]);
		figures.checker.textProblem(body.node, markdown, { offset: Math.max(offset, 0), snippet, message, hint }, label);
	};
	for (const { snippet, line } of rendered.rawHtml) {
		report(snippet, line, `raw HTML \`${snippet}\` in the body`, 'Raw HTML is refused: use Markdown (**bold**, *italic*, [text](https://…), > quote) instead.');
	}
	for (const { href, line, image } of rendered.links) {
		if (image) {
			report(href, line, `image \`${href}\` in the body`, 'Prose carries no images (the site loads nothing from other hosts): describe it in words, or link to it.');
			continue;
		}
		const problem = linkProblem(href);
		if (problem) report(href, line, `link \`${href}\` ${problem}`, 'Link to a web page (https://…) or an email address (mailto:…).');
	}
	return { html: rendered.html, text: rendered.text };
}

/** Every source cited: the article, then chapters', places' and routes' sources, in first-cited order. */
function citedSources({ article, chapters, places, routes, sources }: {
	article?: Source;
	chapters: Chapter[];
	places: Map<string, PlaceFeature>;
	routes: Map<string, RouteFeature>;
	sources: Map<string, Source>;
}): Source[] {
	const ids = [
		...(article ? [article.id] : []),
		...chapters.flatMap((chapter) => chapter.sources.map((s) => s.id)),
		...[...places.values()].flatMap((p) => p.properties.sources),
		...[...routes.values()].flatMap((r) => r.properties.sources)
	];
	return [...new Set(ids)].map((id) => sources.get(id)!);
}
