/**
 * The story editions the built site publishes, read from the built index page (`build/index.html`): every link to a
 * folder `<lang>/<story>/` that holds a scroll page, an embed and a kiosk. Nothing here knows a story's id.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} buildDir
 * @returns {{ lang: string, story: string, scroll: string, embed: string, kiosk: string }[]} paths from the site root
 */
export function findEditions(buildDir) {
	const index = join(buildDir, 'index.html');
	if (!existsSync(index)) throw new Error(`${index} does not exist: run npm run build`);
	const html = readFileSync(index, 'utf8');
	const seen = new Set();
	const editions = [];
	for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="([^"#?]+)[^"]*"/gi)) {
		const match = href.replace(/^\.?\//, '').match(/^([a-z]{2,3}(?:-[a-z0-9]+)*)\/([^/]+)\/?$/i);
		if (!match) continue;
		const [, lang, story] = match;
		const key = `${lang}/${story}`;
		if (seen.has(key)) continue;
		const isEdition = ['index.html', 'embed/index.html', 'kiosk/index.html'].every((file) => existsSync(join(buildDir, lang, story, file)));
		if (!isEdition) continue;
		seen.add(key);
		editions.push({ lang, story, scroll: `/${key}/`, embed: `/${key}/embed/`, kiosk: `/${key}/kiosk/` });
	}
	if (!editions.length) throw new Error(`${index} links to no story edition (<lang>/<story>/ with an embed and a kiosk)`);
	return editions;
}
