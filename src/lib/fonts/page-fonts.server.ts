/**
 * The fonts each page serves, for the page head (src/hooks.server.ts puts `fontHead()` in place of `%fonts.head%` in
 * src/app.html) and for the font files route (src/routes/fonts/): an edition's pages get the subsets of the edition's
 * text and its basemap's names; the site's own pages (the index, the forwarders) the subsets of every listed
 * edition's title and summary.
 */
import { hasBasemap } from '$lib/map/basemap.server';
import { labelNames } from '$lib/map/label-names.server';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { editions, loadStory } from '$lib/story/load.server';
import { uiText } from '$lib/ui-text';
import { fontFaceCss, mainFaces, planFonts, type FontPlan } from './plan.server';

const BASEMAP_DIR = join(process.cwd(), 'geo', 'basemap');

const plans = new Map<string, { plan: FontPlan; firstText: string }>();

/** Every word of the interface in `lang` (its sentence templates included). */
function interfaceText(lang: string): string {
	return Object.values(uiText(lang))
		.map((value) => String(value))
		.join(' ');
}

/**
 * Names on the basemap a story's map shows: label properties (`name…`, `label…`) of the GeoJSON files shared by every
 * story (geo/basemap/, its subfolders named after the story) and of the story's own folder (stories/<id>/).
 */
function basemapNames(storyId: string): string {
	const names: string[] = [];
	for (const [dir, belongs] of [
		[BASEMAP_DIR, (folders: string[]) => folders.length === 0 || folders.includes(storyId)],
		[join(process.cwd(), 'stories', storyId), () => true]
	] as const) {
		if (!existsSync(dir)) continue;
		for (const path of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
			if (!path.endsWith('.geojson') || !belongs(relative(dir, join(dir, path)).split(sep).slice(0, -1))) continue;
			const text = readFileSync(join(dir, path), 'utf8');
			for (const match of text.matchAll(/"(?:name|label)[^"]*"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) names.push(JSON.parse(`"${match[1]}"`));
		}
	}
	return names.join(' ');
}

function editionPlan(storyId: string, lang: string) {
	const key = `${storyId}/${lang}`;
	let entry = plans.get(key);
	if (!entry) {
		const story = loadStory(storyId, lang);
		// The basemap's own names and their translations for the edition (countries by Intl.DisplayNames).
		const plan = planFonts(`${JSON.stringify(story)} ${interfaceText(lang)} ${basemapNames(storyId)} ${hasBasemap(storyId) ? JSON.stringify(labelNames(storyId, lang)) : ''}`);
		if (plan.uncovered.length)
			console.warn(
				`stories/${storyId}/story.${lang}.yaml: no served font has ${plan.uncovered.join(' ')} (${plan.uncovered.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')}); readers see them in their system font. Add an @fontsource package for that script to src/lib/fonts/faces.server.ts.`
			);
		entry = { plan, firstText: [story.title, story.summary, story.chapters[0]?.title ?? ''].join(' ') };
		plans.set(key, entry);
	}
	return entry;
}

function sitePlan() {
	let entry = plans.get('');
	if (!entry) {
		const text = editions()
			.map(({ story, lang }) => loadStory(story, lang))
			.filter((story) => story.listed)
			.map((story) => `${story.title} ${story.summary}`)
			.join(' ');
		entry = { plan: planFonts(`${text} ${interfaceText('en')}`), firstText: text };
		plans.set('', entry);
	}
	return entry;
}

/** The font files every page of the site uses: the font route's `entries()`. */
export function allFontFiles(): string[] {
	const files = new Set<string>();
	for (const { story, lang } of editions()) for (const face of editionPlan(story, lang).plan.faces) files.add(face.file);
	for (const face of sitePlan().plan.faces) files.add(face.file);
	return [...files].sort();
}

/** The name of a page's font stylesheet (`/fonts/<sheet>.css`): one per edition, one for the site's own pages. */
export function fontSheet(storyId?: string, lang?: string): string {
	return storyId && lang ? `${storyId}.${lang}` : 'site';
}

/** Every font stylesheet the site serves, for the prerendered route's entries. */
export function allFontSheets(): string[] {
	return ['site', ...editions().map(({ story, lang }) => fontSheet(story, lang))];
}

/** The `@font-face` rules of one stylesheet (fonts beside it in /fonts/). */
export function fontSheetCss(sheet: string): string | undefined {
	if (sheet === 'site') return fontFaceCss(sitePlan().plan, '');
	const edition = editions().find(({ story, lang }) => fontSheet(story, lang) === sheet);
	return edition && fontFaceCss(editionPlan(edition.story, edition.lang).plan, '');
}

/**
 * Preloads and the `@font-face` stylesheet for one page, as HTML for its head. A stylesheet of the site's own, not an
 * inline <style>: the Content-Security-Policy allows no inline style.
 * @param page the edition the page shows (undefined for the site's own pages) and its path, for relative URLs
 */
export function fontHead(page: { storyId?: string; lang?: string; pathname: string }): string {
	const { plan, firstText } = page.storyId && page.lang ? editionPlan(page.storyId, page.lang) : sitePlan();
	// Relative, like every asset path of the site (svelte.config.js): the page works under any host path.
	const depth = page.pathname.split('/').filter(Boolean).length - (page.pathname.endsWith('/') ? 0 : 1);
	const fontsUrl = `${depth > 0 ? '../'.repeat(depth) : './'}fonts/`;
	const preloads = mainFaces(plan, firstText).map(
		(face) => `<link rel="preload" href="${fontsUrl}${face.file}" as="font" type="font/woff2" crossorigin>`
	);
	return [...preloads, `<link rel="stylesheet" href="${fontsUrl}${fontSheet(page.storyId, page.lang)}.css">`].join('\n\t\t');
}
