/**
 * Every edition not in English reads in its own language: in each mode (the scroll page at its top, exploring the map
 * and at a chapter; on a phone at a deep-linked chapter; the embed; the embed builder; the kiosk's attract screen, a
 * chapter, paused and its idle warning) no English interface word is in the visible text, in an accessible name
 * (aria-label, title, alt, placeholder…) or in the live region.
 *
 * Nothing here names a story or the interface's words: the editions are the build's (build/data/<story>/<lang>/), the
 * English words are those of src/lib/ui-text.ts less the words the edition's own interface shares with them, and the
 * story's own text (prose, titles, sources, place and route names: any language, quotes included) is left out by
 * where it is on the page and by its strings, read from the story's folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { uiText, type UiText, type UiWords } from '../../src/lib/ui-text';
import { expect, test } from './fixtures';

interface Edition {
	story: string;
	lang: string;
	/** The edition's interface words. */
	text: UiText;
	/** Lower-case English interface words the edition must not show. */
	english: Set<string>;
	/** The story's own strings, longest first. */
	own: string[];
	/** Its chapter ids, in order. */
	chapters: string[];
}

const primary = (lang: string) => new Intl.Locale(lang).language;

const editions: Edition[] = fs
	.readdirSync('build/data')
	.flatMap((story) =>
		fs
			.readdirSync(path.join('build/data', story), { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => ({ story, lang: entry.name }))
	)
	.filter(({ lang }) => primary(lang) !== 'en')
	.map(({ story, lang }) => {
		const folder = ['stories', 'tests/fixtures/stories'].map((root) => path.join(root, story)).find((dir) => fs.existsSync(path.join(dir, `story.${lang}.yaml`)));
		if (!folder) throw new Error(`No story folder has story.${lang}.yaml for the built edition ${story}/${lang}`);
		const uiFile = path.join(folder, `ui.${lang}.yaml`);
		const text = uiText(lang, fs.existsSync(uiFile) ? (parse(fs.readFileSync(uiFile, 'utf8')) as UiWords) : undefined);
		const theirs = new Set(wordsOf(text).map((word) => word.toLowerCase()));
		// Names (MapLibre, WebGL, NPR) are the same in any language.
		const isName = (word: string) => /^\p{Lu}{2}|\p{Ll}\p{Lu}/u.test(word);
		const english = new Set(wordsOf(uiText('en')).filter((word) => !isName(word)).map((word) => word.toLowerCase()).filter((word) => !theirs.has(word)));
		const storyFile = parse(fs.readFileSync(path.join(folder, `story.${lang}.yaml`), 'utf8'));
		const chapters = (storyFile.chapters as { id: string }[]).map((chapter) => chapter.id);
		return { story, lang, text, english, own: storyStrings(folder, storyFile), chapters };
	});

/** The words of every interface string; phrases are filled with nothing. */
function wordsOf(text: UiText): string[] {
	return Object.values(text).flatMap((value) => {
		const phrase = typeof value === 'function' ? (value as (...values: string[]) => string)(...Array<string>(8).fill('')) : value;
		return phrase.match(/\p{L}+/gu) ?? [];
	});
}

/** The texts the story's files give: titles, summary, credits, the author's map descriptions, sources, names of places,
 * routes and kinds. A computed figure ({{distance a b}}) splits a text into the parts the page shows as written. */
function storyStrings(folder: string, story: Record<string, string> & { chapters: Record<string, string>[] }): string[] {
	const read = (name: string) => fs.readFileSync(path.join(folder, name), 'utf8');
	const values = (texts: Record<string, string> | undefined) => Object.values(texts ?? {});
	const sources = Object.values(parse(read('sources.yaml')) ?? {}) as Record<string, string>[];
	const places = JSON.parse(read('places.geojson')).features.map((feature: { properties: unknown }) => feature.properties);
	const routes = JSON.parse(read('route-defs.json'));
	const kinds = fs.existsSync(path.join(folder, 'place-kinds.yaml')) ? Object.values(parse(read('place-kinds.yaml')) ?? {}) : [];
	const texts: unknown[] = [
		story.title,
		story.summary,
		story.credits,
		...story.chapters.flatMap((chapter) => [chapter.title, chapter['map-description']]),
		...sources.flatMap((source) => [source.title, source.publisher, source.note]),
		...places.flatMap((place: Record<string, Record<string, string>>) => [...values(place.name), ...values(place.description)]),
		...routes.flatMap((route: Record<string, Record<string, string>>) => values(route.name)),
		...kinds.flatMap((kind) => values((kind as Record<string, Record<string, string>>).label))
	];
	return texts
		.filter((value): value is string => typeof value === 'string')
		.flatMap((value) => value.split(/\{\{[^}]*\}\}/))
		.map((value) => value.trim())
		.filter((value) => value.length > 0)
		.sort((a, b) => b.length - a.length);
}

/** A piece of the page a reader sees or hears, and where it is. */
interface Said {
	where: string;
	text: string;
}

/** Everything the page says in its language, in every frame: rendered text, accessible names, live regions, the title. */
async function pageTexts(page: Page, lang: string): Promise<Said[]> {
	const frames = page.frames().filter((frame) => frame.url().startsWith(new URL(page.url()).origin));
	const perFrame = await Promise.all(
		frames.map(async (frame) => {
			const said = await frame.evaluate((lang) => {
				const said: { where: string; text: string }[] = [];
				const primary = (tag: string) => tag.toLowerCase().split('-')[0];
				const where = (element: Element) =>
					`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${[...element.classList].map((c) => `.${c}`).join('')}`;
				// The story's prose and source lists are its own text; code and snippets are not words; a part marked as
				// another language (a link to the English edition) is in that language on purpose.
				const skipped = (element: Element) =>
					element.closest('.prose, .sources, script, style, noscript, template, code, pre, textarea') !== null ||
					primary(element.closest('[lang]')?.getAttribute('lang') ?? lang) !== primary(lang);
				const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					const element = node.parentElement;
					if (!element || !node.textContent?.trim() || skipped(element)) continue;
					if (!element.checkVisibility({ visibilityProperty: true })) continue;
					said.push({ where: where(element), text: node.textContent });
				}
				const names = ['aria-label', 'aria-roledescription', 'aria-description', 'aria-valuetext', 'title', 'alt', 'placeholder'];
				for (const element of document.querySelectorAll(names.map((name) => `[${name}]`).join(','))) {
					if (skipped(element)) continue;
					for (const name of names) {
						const value = element.getAttribute(name);
						if (value) said.push({ where: `${where(element)}[${name}]`, text: value });
					}
				}
				for (const region of document.querySelectorAll('[aria-live], [role="status"], [role="alert"]')) {
					if (region.textContent?.trim()) said.push({ where: `${where(region)} (live)`, text: region.textContent });
				}
				said.push({ where: 'title', text: document.title });
				for (const meta of document.querySelectorAll('meta[name="description"], meta[property="og:title"], meta[property="og:description"]')) {
					said.push({ where: `meta ${meta.getAttribute('name') ?? meta.getAttribute('property')}`, text: meta.getAttribute('content') ?? '' });
				}
				return said;
			}, lang);
			const inFrame = frame === page.mainFrame() ? '' : `(frame ${new URL(frame.url()).pathname}) `;
			return said.map(({ where, text }) => ({ where: inFrame + where, text }));
		})
	);
	return perFrame.flat();
}

/** Fails listing every English interface word the page shows or says, with where and in what. */
async function expectNoEnglish(page: Page, edition: Edition, state: string) {
	const found: string[] = [];
	for (const { where, text } of await pageTexts(page, edition.lang)) {
		const rest = edition.own.reduce((remaining, own) => remaining.replaceAll(own, ' '), text.replace(/\s+/g, ' '));
		const english = (rest.match(/\p{L}+/gu) ?? []).filter((word) => edition.english.has(word.toLowerCase()));
		if (english.length > 0) found.push(`${where}: ${english.map((word) => `“${word}”`).join(', ')} in “${text.trim().slice(0, 160)}”`);
	}
	expect(found, `English in ${edition.story}/${edition.lang}, ${state}`).toEqual([]);
}

/** Waits until the live region has announced the chapter (by its title: what else it says is for expectNoEnglish). */
async function expectAnnounced(page: Page, chapterId: string) {
	const title = (await page.locator(`[id="${chapterId}-title"]`).textContent())!.trim();
	await expect(page.getByTestId('announcer')).toContainText(title);
}

const mapReady = (page: Page) => expect(page.getByTestId('map')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });

/** MapLibre's controls speak the edition's language: the attribution toggle always, the zoom buttons while exploring. */
async function expectMapControls(page: Page, text: UiText, exploring: boolean) {
	await expect(page.locator('.maplibregl-ctrl-attrib-button')).toHaveAttribute('aria-label', text.toggleAttribution);
	if (exploring) {
		await expect(page.locator('.maplibregl-ctrl-zoom-in')).toHaveAttribute('aria-label', text.zoomIn);
		await expect(page.locator('.maplibregl-ctrl-zoom-out')).toHaveAttribute('aria-label', text.zoomOut);
	}
}

test('the build has an edition not in English', () => {
	expect(editions.length).toBeGreaterThan(0);
});

for (const edition of editions) {
	const { story, lang, text, chapters } = edition;
	const root = `/${lang}/${story}/`;

	test.describe(`${story}/${lang}`, () => {
		test.describe('on a desktop screen', () => {
			test.skip(({ isMobile }) => isMobile, 'The phone walks the scroll page below.');

			test('the scroll page: its top, exploring the map, and a chapter', async ({ page }) => {
				await page.goto(root);
				await mapReady(page);
				await expectMapControls(page, text, false);
				await expectNoEnglish(page, edition, 'the top of the scroll page');

				await page.getByRole('button', { name: text.exploreMap }).click();
				await expectMapControls(page, text, true);
				await expectNoEnglish(page, edition, 'exploring the map');
				await page.getByRole('button', { name: text.backToStory }).click();

				// The same page, at a chapter's link.
				const index = Math.floor(chapters.length / 2);
				await page.goto(`${root}#${chapters[index]}`);
				await expect(page.locator(`article.chapter#${chapters[index]}`)).toHaveAttribute('aria-current', 'step');
				await expectAnnounced(page, chapters[index]);
				await expectNoEnglish(page, edition, `chapter ${index + 1}`);
			});

			test('the embed, at its second chapter and exploring', async ({ page }) => {
				await page.goto(`${root}embed/`);
				await mapReady(page);
				await page.getByRole('button', { name: text.next }).click();
				await expectAnnounced(page, chapters[1]);
				await expectMapControls(page, text, false);
				await expectNoEnglish(page, edition, 'the embed');
				await page.getByRole('button', { name: text.exploreMap }).click();
				await expectMapControls(page, text, true);
				await expectNoEnglish(page, edition, 'the embed, exploring');
			});

			test('the embed builder, with its preview, several chapters chosen and a snippet copied', async ({ page }) => {
				await page.goto(`${root}embed/builder/`);
				await expect(page.frameLocator('[data-testid="preview"]').getByTestId('map')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
				await page.getByLabel(text.builderSeveralChapters).check();
				await expect(page.getByText(text.builderTooFew)).toBeVisible();
				const copy = page.getByRole('button', { name: text.builderCopyButton(text.builderPlainIframe) });
				await copy.click();
				// Copied, or the browser refused: either way the reader is told, in words checked below.
				await expect(page.locator('.copy-row').filter({ has: copy }).getByRole('status')).not.toBeEmpty();
				await expectNoEnglish(page, edition, 'the embed builder');
			});

			test('the kiosk: attract screen, a chapter, paused, and the idle warning', async ({ page }) => {
				await page.goto(`${root}kiosk/?dwell=60&idle=12`);
				const kiosk = page.getByTestId('kiosk');
				await expect(kiosk).toHaveAttribute('data-loops', /^[1-9]\d*$/);
				await expect(page.getByTestId('attract')).toBeVisible();
				await expect(page.getByTestId('announcer')).not.toBeEmpty();
				await expectNoEnglish(page, edition, 'the kiosk’s attract screen');

				await page.keyboard.press('ArrowRight');
				await expect(kiosk).toHaveAttribute('data-screen', 'chapter');
				await expectAnnounced(page, chapters[0]);
				await expectNoEnglish(page, edition, 'a kiosk chapter');

				await page.keyboard.press(' ');
				await expect(page.getByTestId('controls')).toBeVisible();
				await expectNoEnglish(page, edition, 'the kiosk paused');

				await expect(page.getByTestId('idle-warning')).toBeVisible({ timeout: 30_000 });
				await expectNoEnglish(page, edition, 'the kiosk’s idle warning');
			});
		});

		test.describe('on a phone', () => {
			test.skip(({ isMobile }) => !isMobile, 'The desktop walks every mode above.');

			test('the scroll page at a deep-linked chapter', async ({ page }) => {
				const index = chapters.length - 1;
				await page.goto(`${root}#${chapters[index]}`);
				await mapReady(page);
				await expect(page.locator(`article.chapter#${chapters[index]}`)).toHaveAttribute('aria-current', 'step');
				await expectAnnounced(page, chapters[index]);
				await expectMapControls(page, text, false);
				await expectNoEnglish(page, edition, `chapter ${index + 1} on a phone`);
			});
		});
	});
}
