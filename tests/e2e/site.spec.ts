/**
 * The site around the stories: the index `/`, the old single-story addresses that forward to the legacy edition
 * (stories/site.yaml), and what each edition's pages tell browsers and other sites about themselves (`<html lang>`,
 * canonical, Open Graph, oEmbed). Stories, editions and titles come from the story files (tests/editions.ts).
 * Layout plays no part here: desktop project only.
 */
import type { Page } from '@playwright/test';
import { normalizeBaseUrl, publicUrl } from '../../src/lib/site/urls';
import { editionsUnderTest, legacyEdition } from '../editions';
import { expect, test } from './fixtures';

test.beforeEach(() => test.skip(test.info().project.name !== 'desktop', 'layout-independent: once is enough'));

const editions = editionsUnderTest();
const legacy = legacyEdition();
const base = normalizeBaseUrl(process.env.PUBLIC_BASE_URL);

/** The path an `a[href]` leads to (the site's pages end in a slash: no redirect on the way). */
const pathOf = (href: string) => new URL(href).pathname;

/** Every link on the page: where it leads (path) and what it says. */
async function linksOn(page: Page): Promise<{ path: string; text: string }[]> {
	const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, text: (a.textContent ?? '').trim() })));
	return links.map(({ href, text }) => ({ path: pathOf(href), text }));
}

test.describe('the index, without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('lists every listed story in each of its editions, with its title, summary and its three modes; unlisted ones are not there', async ({ page }) => {
		await page.goto('/');
		const links = await linksOn(page);
		const listed = editions.filter((edition) => edition.data.listed);
		expect(listed.length, 'at least one story is listed').toBeGreaterThan(0);
		for (const edition of listed) {
			const { title, summary } = edition.data;
			expect(links, `${edition.name}: its title links to its scroll page`).toContainEqual({ path: edition.paths.scroll, text: title });
			for (const mode of [edition.paths.builder, edition.paths.kiosk])
				expect(links.map((link) => link.path), `${edition.name}: a link to ${mode}`).toContain(mode);
			await expect(page.locator('body'), `${edition.name}: its summary`).toContainText(summary);
		}
		for (const edition of editions.filter((e) => !e.data.listed)) {
			const own = Object.values(edition.paths);
			expect(links.filter((link) => own.includes(link.path)), `${edition.name} is not listed`).toEqual([]);
			await expect(page.locator('body'), `${edition.name} is not listed`).not.toContainText(edition.data.title);
		}
	});

	test('its links lead to the editions’ pages', async ({ page }) => {
		for (const edition of editions.filter((e) => e.data.listed)) {
			await page.goto('/');
			await page.getByRole('link', { name: edition.data.title, exact: true }).click();
			await expect(page).toHaveURL(new RegExp(`${escapeRe(edition.paths.scroll)}$`));
			await expect(page.locator('h1')).toHaveText(edition.data.title);
			await expect(page.locator('html')).toHaveAttribute('lang', edition.lang);
		}
	});
});

test.describe(`the old single-story addresses forward to ${legacy.name}`, () => {
	const chapters = legacy.data.chapters;
	const chapter = chapters[Math.floor(chapters.length / 2)];

	test('/embed/?step=<a chapter>#x: the same query and hash, on the edition’s embed', async ({ page }) => {
		await page.goto(`/embed/?step=${chapter.id}#x`);
		await expect(page).toHaveURL(new RegExp(`${escapeRe(legacy.paths.embed)}\\?step=${chapter.id}#x$`));
		await expect(page.getByTestId('embed')).toHaveAttribute('data-selection', 'chapter');
		await expect(page.locator(`article.chapter#${chapter.id}`)).toHaveAttribute('aria-current', 'step');
		await expect(page.locator('html')).toHaveAttribute('lang', legacy.lang);
	});

	test('/embed/builder/: the edition’s builder', async ({ page }) => {
		await page.goto('/embed/builder/');
		await expect(page).toHaveURL(new RegExp(`${escapeRe(legacy.paths.builder)}$`));
		await expect(page.getByTestId('embed-url')).toContainText(legacy.paths.embed);
	});

	test('/kiosk/?dwell=30: the same query, on the edition’s kiosk, which plays', async ({ page }) => {
		await page.goto('/kiosk/?dwell=30');
		await expect(page).toHaveURL(new RegExp(`${escapeRe(legacy.paths.kiosk)}\\?dwell=30$`));
		await expect(page.getByTestId('kiosk')).toHaveAttribute('data-loops', /^[1-9]\d*$/);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('they still lead there', async ({ page }) => {
			for (const [old, target] of [
				['/embed/', legacy.paths.embed],
				['/embed/builder/', legacy.paths.builder],
				['/kiosk/', legacy.paths.kiosk]
			]) {
				await page.goto(old);
				await expect(page, old).toHaveURL(new RegExp(`${escapeRe(target)}$`));
			}
		});
	});
});

for (const edition of editions) {
	test.describe(`${edition.name} describes itself`, () => {
		const pages: [string, string][] = [
			['scroll page', edition.paths.scroll],
			['embed', edition.paths.embed],
			['embed builder', edition.paths.builder]
		];

		test('each page has the edition’s <html lang>, and canonical, Open Graph and oEmbed links of its own', async ({ page }) => {
			// The canonical address of the scroll page and the embed (a view of the story) is the scroll page; the builder's is its own.
			const canonical = (path: string) => publicUrl(base, path === edition.paths.builder ? path : edition.paths.scroll);
			for (const [name, path] of pages) {
				await page.goto(path, { waitUntil: 'domcontentloaded' });
				const head = page.locator('head');
				await expect(page.locator('html'), name).toHaveAttribute('lang', edition.lang);
				await expect(head.locator('link[rel="canonical"]'), name).toHaveAttribute('href', canonical(path));
				await expect(head.locator('meta[property="og:url"]'), name).toHaveAttribute('content', canonical(path));
				await expect(head.locator('link[rel="alternate"][type="application/json+oembed"]'), name).toHaveAttribute('href', publicUrl(base, edition.paths.oembed));
				await expect(head.locator('meta[property="og:title"]'), name).toHaveAttribute('content', new RegExp(escapeRe(edition.data.title)));
				await expect(head.locator('meta[property="og:description"]'), name).toHaveAttribute('content', /.{20}/);
			}
			await page.goto(edition.paths.kiosk, { waitUntil: 'domcontentloaded' });
			await expect(page.locator('html'), 'kiosk').toHaveAttribute('lang', edition.lang);
		});

		test('its oEmbed document embeds the edition', async ({ request }) => {
			const oembed = await (await request.get(edition.paths.oembed)).json();
			expect(oembed).toMatchObject({ version: '1.0', type: 'rich', title: edition.data.title, provider_url: `${base}/` });
			expect(oembed.width).toBeGreaterThan(0);
			expect(oembed.height).toBeGreaterThan(0);
			expect(oembed.html).toMatch(new RegExp(`^<iframe src="${escapeRe(publicUrl(base, edition.paths.embed))}" title="[^"]+"[^>]*></iframe>$`));
		});
	});
}

function escapeRe(text: string) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
