/**
 * `npm run story:new` makes a story the site publishes at once: run the command into a temporary project whose
 * `stories/` holds only the new folder, then load the site's own route modules from it (through Vite, as the build
 * does) and check that the index lists the story and every per-edition page and endpoint prerenders it.
 * (The full `vite build` of a new story was checked by hand; it takes minutes on CI's two cores.)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';

const project = process.cwd();
const id = 'brand-new-story';
let temp: string;
let server: ViteDevServer;
let output: ReturnType<typeof spawnSync>;

/** Route modules that prerender one page or file per story or edition (a `[story]` in their path, and `entries`). */
function editionRoutes(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) return editionRoutes(file);
		const perStory = file.includes('[story]') && /^\+(page\.server|server)\.ts$/.test(entry.name);
		return perStory && /export const entries|export function entries/.test(fs.readFileSync(file, 'utf8')) ? [file] : [];
	});
}

beforeAll(async () => {
	temp = fs.mkdtempSync(path.join(os.tmpdir(), 'story-new-'));
	output = spawnSync('npx', ['tsx', '--tsconfig', 'scripts/story/tsconfig.json', 'scripts/story/new.ts', id, '--root', path.join(temp, 'stories')], { cwd: project, encoding: 'utf8' });
	server = await createServer({
		root: temp,
		configFile: false,
		logLevel: 'silent',
		appType: 'custom',
		server: { middlewareMode: true, hmr: false, watch: null },
		optimizeDeps: { noDiscovery: true, include: [] },
		resolve: { alias: { $lib: path.join(project, 'src/lib') } },
		plugins: [
			{
				// SvelteKit's environment module, as a build without PUBLIC_BASE_URL sees it.
				name: 'kit-env-stub',
				resolveId: (source) => (source.startsWith('$env/') ? `\0${source}` : undefined),
				load: (resolved) => (resolved.startsWith('\0$env/') ? 'export const env = {};' : undefined)
			}
		]
	});
}, 120_000);

afterAll(async () => {
	await server?.close();
	if (temp) fs.rmSync(temp, { recursive: true, force: true });
});

describe('a story started with story:new', () => {
	it('is created and checked by the command, which says what to edit next', () => {
		expect(output.stderr).toBe('');
		expect(output.status).toBe(0);
		expect(output.stdout).toContain(`Created ${path.relative(project, path.join(temp, 'stories', id))}/`);
		expect(output.stdout).toMatch(/Next:/);
		expect(output.stdout).toContain(`✓ ${id} (en)`);
		expect(fs.readdirSync(path.join(temp, 'stories', id)).sort()).toEqual(['places.geojson', 'route-defs.json', 'routes.geojson', 'sources.yaml', 'story.en.yaml']);
	});

	it('is on the index, with the title from its story file', async () => {
		const index = await server.ssrLoadModule(path.join(project, 'src/routes/+page.server.ts'));
		const { stories } = index.load();
		const title = /^title: "(.*)"$/m.exec(fs.readFileSync(path.join(temp, 'stories', id, 'story.en.yaml'), 'utf8'))![1];
		expect(stories).toEqual([{ id, editions: [expect.objectContaining({ lang: 'en', title })] }]);
	}, 60_000);

	it('is prerendered by every page and file made per edition (scroll, embed, builder, kiosk, oEmbed, map data)', async () => {
		const routes = editionRoutes(path.join(project, 'src/routes'));
		expect(routes.length).toBeGreaterThanOrEqual(4);
		for (const route of routes) {
			const module = await server.ssrLoadModule(route);
			// Per story (its basemap), per edition, or per chapter of an edition (share pages, cards, chapter oEmbed).
			const edition = route.includes('[lang]') ? { story: id, lang: 'en' } : { story: id };
			expect(await module.entries(), path.relative(project, route)).toContainEqual(expect.objectContaining(edition));
		}
		const scroll = await server.ssrLoadModule(path.join(project, 'src/routes/[lang]/[story]/+page.server.ts'));
		const { story } = await scroll.load({ params: { lang: 'en', story: id } });
		expect(story.chapters).toHaveLength(2);
	}, 60_000);
});
