/**
 * Reads one edition's story file (story.<lang>.yaml): the story's fields and its chapters, with every reference to
 * sources, places and routes checked. Prose and figures are compiled afterwards (compile.ts).
 */
import { isMap, type Node, type Scalar, type YAMLMap } from 'yaml';
import { hasUiText } from '$lib/ui-text';
import { idPattern, type Checker, type IdRef } from './checker';
import { definedIn, didYouMean } from './errors';
import { languageTagProblem } from './language';
import type { CameraView, MapState, PlaceFeature, RouteFeature, Source } from './types';

const storyFields = ['id', 'lang', 'title', 'summary', 'credits', 'published', 'article', 'listed', 'chapters'];
const chapterFields = [
	'id', 'title', 'date', 'after-article', 'places', 'routes', 'frame', 'max-zoom',
	'camera', 'map-description', 'dwell', 'sources', 'body'
];
const cameraFields = ['center', 'zoom', 'bearing', 'pitch'];

/** A text value with its node, so problems inside it are reported where they are. */
export interface TextNode {
	value: string;
	node: Scalar;
}

export interface ChapterRead {
	label: string;
	body?: TextNode;
	mapDescription?: TextNode;
	/** The chapter's other fields, when all of them are valid. */
	fields?: {
		id: string;
		title: string;
		date?: string;
		afterArticle: boolean;
		/** Without bounds: they are computed when the story is compiled. */
		map: MapState;
		sources: Source[];
		dwell?: number;
	};
}

export interface StoryRead {
	chapters: ChapterRead[];
	/** The story's own fields, when all of them are valid. */
	fields?: {
		id: string;
		lang: string;
		title: string;
		summary: string;
		credits: string;
		published: string;
		listed: boolean;
		article?: Source;
	};
}

/**
 * The edition's language: a BCP 47 tag that matches the file name (`story.<lang>.yaml`). The interface needs words
 * in it: the engine's (src/lib/ui-text.ts) or the story's own ui.<lang>.yaml (`hasUiFile`).
 */
export function readLang({ checker: c, hasUiFile }: { checker: Checker; hasUiFile: boolean }): string | undefined {
	if (!isMap(c.root)) return undefined;
	const lang = c.text(c.root, 'lang', { label: 'story', required: true, example: 'lang: en' });
	if (!lang) return undefined;
	const problem = languageTagProblem(lang.value);
	if (problem) {
		c.error(lang.node, `story: \`lang\`: ${problem.message}`, problem.hint);
		return undefined;
	}
	const fromFileName = /story\.([^/]+)\.yaml$/.exec(c.file.path)?.[1];
	if (fromFileName && fromFileName !== lang.value) {
		c.error(lang.node, `story: \`lang\` is \`${lang.value}\` but the file is named for \`${fromFileName}\``, `Set \`lang: ${fromFileName}\` or rename the file to story.${lang.value}.yaml.`);
		return undefined;
	}
	if (!hasUiFile && !hasUiText(lang.value)) {
		c.error(
			lang.node,
			`story: the engine has no interface words in \`${lang.value}\``,
			`Add ui.${lang.value}.yaml to the story's folder with the interface's words in that language (docs/story-format.md lists the keys).`
		);
		return undefined;
	}
	return lang.value;
}

export function readStory({ checker: c, lang, sources, places, routes }: {
	checker: Checker;
	/** From readLang; undefined when it was not valid (already reported). */
	lang: string | undefined;
	sources: Map<string, Source>;
	places: Map<string, PlaceFeature>;
	routes: Map<string, RouteFeature>;
}): StoryRead {
	const root = c.root;
	if (!isMap(root)) {
		c.error(root as Node, 'the story file must be a mapping', 'Start with `id:`, `lang:`, `title:` … lines; see docs/story-format.md.');
		return { chapters: [] };
	}
	const label = 'story';
	c.rejectUnknownFields(root, storyFields, label);
	const id = c.text(root, 'id', { label, required: true, example: 'id: my-story' });
	if (id && !idPattern.test(id.value)) c.error(id.node, `story id \`${id.value}\` is not lowercase-kebab`, 'Use lowercase letters, digits and hyphens.');
	const title = c.text(root, 'title', { label, required: true, example: 'title: "Across the date line"' });
	const summary = c.text(root, 'summary', { label, required: true, example: 'summary: One line under the title.' });
	const credits = c.text(root, 'credits', { label, required: true, example: 'credits: Text and map by …' });
	const published = c.date(root, 'published', { label, allowMonth: false, required: true });
	const listed = c.flag(root, 'listed', { label, example: 'listed: false' });
	const articleId = c.text(root, 'article', { label, example: 'article: wikipedia-suva' });
	const [article] = c.known(articleId && [{ id: articleId.value, node: articleId.node }], { known: sources, label, what: 'source' });

	const chapterList = c.field(root, 'chapters', 'list', { label, required: true, example: 'chapters: followed by `- id: first-chapter` items' });
	if (chapterList && chapterList.items.length === 0) c.error(chapterList, 'the story has no chapters', 'Add at least one chapter under `chapters:`.');
	const chapterIds = new Set<string>();
	const chapters = (chapterList?.items ?? []).flatMap((node, index) => {
		if (isMap(node)) return [readChapter(c, { map: node, index, chapterIds, hasArticle: root.has('article'), sources, places, routes })];
		c.error(node as Node, `chapter ${index + 1} must be a mapping`, 'Start it with `- id: …` and indent its fields below.');
		return [];
	});

	const valid = id && lang && title && summary && credits && published && (!articleId || article) && chapterList;
	if (!valid) return { chapters };
	return {
		chapters,
		fields: {
			id: id.value,
			lang,
			title: title.value,
			summary: summary.value,
			credits: credits.value,
			published,
			listed: listed !== false,
			...(article && { article })
		}
	};
}

function readChapter(
	c: Checker,
	{ map, index, chapterIds, hasArticle, sources, places, routes }: {
		map: YAMLMap;
		index: number;
		chapterIds: Set<string>;
		hasArticle: boolean;
		sources: Map<string, Source>;
		places: Map<string, PlaceFeature>;
		routes: Map<string, RouteFeature>;
	}
): ChapterRead {
	const id = c.id(map, { label: `chapter ${index + 1}`, example: 'id: first-chapter', seen: chapterIds });
	const label = id ? `chapter \`${id}\`` : `chapter ${index + 1}`;
	c.rejectUnknownFields(map, chapterFields, label);
	const title = c.text(map, 'title', { label, required: true, example: 'title: The first day' });
	const date = c.date(map, 'date', { label, allowMonth: true });
	const afterArticle = c.flag(map, 'after-article', { label, example: 'after-article: true' });
	if (afterArticle === true && !hasArticle) {
		c.error(map.get('after-article', true) as Node, `${label}: \`after-article\` needs the article the story is told from`, 'Declare it with `article: <source id>` at the top of the story file, or remove `after-article`.');
	}
	const placeRefs = c.ids(map, 'places', { label, example: 'places: [harbour, old-town]' }) ?? [];
	const routeRefs = c.ids(map, 'routes', { label, example: 'routes: [ferry]' }) ?? [];
	const frameRefs = c.ids(map, 'frame', { label, example: 'frame: [harbour, old-town]' });
	const placeIds = c.known(placeRefs, { known: places, label, what: 'place' }).map((p) => p.properties.id);
	const routeIds = c.known(routeRefs, { known: routes, label, what: 'route' }).map((r) => r.properties.id);
	const frame = frameRefs && knownFrame(c, { refs: frameRefs, label, places, routes });
	const maxZoom = c.number(map, 'max-zoom', { label, example: 'max-zoom: 8', min: 0, max: 24 });
	const camera = readCamera(c, map, label);
	const dwell = c.number(map, 'dwell', { label, example: 'dwell: 25', min: 1, max: 3600 });
	const chapterSources = c.known(c.ids(map, 'sources', { label, required: true, example: 'sources: [wikipedia-harbour]' }), {
		known: sources,
		label,
		what: 'source'
	});
	const body = c.text(map, 'body', { label, required: true, example: 'body: |  (then the Markdown, indented)' });
	const mapDescription = c.text(map, 'map-description', { label, example: 'map-description: The map shows …' });

	const mapState: MapState = {
		places: placeIds,
		routes: routeIds,
		frame: frame ?? [...placeIds, ...routeIds],
		...(camera && { camera }),
		...(maxZoom !== undefined && { maxZoom })
	};
	if (!map.has('camera') && (frameRefs ?? [...placeRefs, ...routeRefs]).length === 0) {
		c.error(map, `${label}: the map has nothing to frame`, 'Add `places`, `routes` or `frame`, or set a `camera`.');
	}
	const read = { label, ...(body && { body }), ...(mapDescription && { mapDescription }) };
	if (!id || !title || chapterSources.length === 0 || (!camera && mapState.frame.length === 0)) return read;
	return {
		...read,
		fields: {
			id,
			title: title.value,
			...(date && { date }),
			afterArticle: afterArticle === true,
			map: mapState,
			sources: chapterSources,
			...(dwell !== undefined && { dwell })
		}
	};
}

/** The frame's ids that can be framed; unknown ones are reported. */
function knownFrame(
	c: Checker,
	{ refs, label, places, routes }: { refs: IdRef[]; label: string; places: Map<string, PlaceFeature>; routes: Map<string, RouteFeature> }
): string[] {
	const placeOrRoute = new Set([...places.keys(), ...routes.keys()]);
	return refs.flatMap(({ id, node }) => {
		if (placeOrRoute.has(id)) return [id];
		if (c.isDeclared('place', id) || c.isDeclared('route', id)) return [];
		c.error(node, `${label}: unknown place or route \`${id}\` in \`frame\``, `${didYouMean(id, placeOrRoute)} ${definedIn.place} ${definedIn.route}`.trim());
		return [];
	});
}

function readCamera(c: Checker, map: YAMLMap, label: string): CameraView | undefined {
	const camera = c.field(map, 'camera', 'mapping', { label, example: 'camera: { center: [180, -10], zoom: 3 }' });
	if (!camera) return undefined;
	c.rejectUnknownFields(camera, cameraFields, `${label} camera`);
	const centerNode = c.field(camera, 'center', 'list', { label, required: true, example: 'center: [180, -10]' });
	const lonLat = centerNode && c.lonLat(centerNode, { label: `${label}: camera \`center\``, example: 'center: [180, -10]' });
	const center = lonLat && c.inRange(centerNode!, lonLat, { label: `${label}: camera center`, swappedFits: () => true });
	const zoom = c.number(camera, 'zoom', { label, required: true, example: 'zoom: 3.2', min: 0, max: 24 });
	const bearing = c.number(camera, 'bearing', { label, example: 'bearing: 0', min: -360, max: 360 });
	const pitch = c.number(camera, 'pitch', { label, example: 'pitch: 0', min: 0, max: 85 });
	if (!center || zoom === undefined) return undefined;
	return { center, zoom, ...(bearing !== undefined && { bearing }), ...(pitch !== undefined && { pitch }) };
}
