/**
 * How the bench moves a story page on by one chapter, through the page contract (docs/page-contract.md): the map says
 * which chapter it shows in `data-chapter`, and the chapters are `article.chapter[data-chapter-id]` in order.
 * `next(page)` returns the chapter now shown, or undefined when there is no next one.
 *
 * @typedef {{ next: (page: import('@playwright/test').Page) => Promise<string | undefined> }} Driver
 */

const MAP = '[data-testid="map"]';

/** The scroll page: the `j` key scrolls to the next chapter (the opening view may be before the first one). */
export const scrollDriver = {
	next: async (/** @type {import('@playwright/test').Page} */ page) => {
		const ids = await page.locator('article.chapter[data-chapter-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-chapter-id')));
		const current = await page.locator(MAP).getAttribute('data-chapter');
		if (current === ids.at(-1)) return undefined;
		await page.keyboard.press('j');
		await page.waitForFunction(
			({ map, current }) => {
				const shown = document.querySelector(map)?.getAttribute('data-chapter');
				return shown && shown !== current;
			},
			{ map: MAP, current },
			{ timeout: 30_000 }
		);
		return (await page.locator(MAP).getAttribute('data-chapter')) ?? undefined;
	}
};
