/**
 * `npm run geo`: every story's generated geo files, and the world layer they share.
 *
 *   For each story folder (stories/<id>/, tests/fixtures/stories/<id>/):
 *     routes.geojson   from places.geojson + route-defs.json (routes.ts)
 *     basemap.geojson  from Natural Earth, for what the story's chapters show (views.ts, basemap.ts)
 *   geo/basemap/world.geojson  world land, borders and large lakes at low zoom (world.ts)
 *
 * Incremental: a basemap records a hash of what it is made from (inputs.ts) and is rebuilt only when that changes;
 * `--force` rebuilds all. Story folders may be named to build only those: `npm run geo -- stories/my-story`.
 * Same input → byte-identical output. Prints each file's size; fails when a budget is exceeded.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Feature } from 'geojson';
import type { BasemapDetail } from '$lib/geo/framing';
import { BUDGET, builderHash, storyFiles, storyInputHash } from './inputs';
import { geojsonText, gzipSize, kb, readHeader, writeIfChanged } from './output';
import { BASEMAP_FILE, ROOT, ROUTES_FILE, STORY_ROOTS, WORLD_FILE, shown, storyDirs } from './paths';
import { buildRoutes } from './routes';

interface Header {
	input: string;
	detail?: BasemapDetail;
}

const args = process.argv.slice(2);
const force = args.includes('--force');
const named = args.filter((a) => !a.startsWith('--')).map(shown);
const dirs = storyDirs().filter((dir) => named.length === 0 || named.includes(shown(dir)));
for (const name of named) {
	if (!dirs.some((dir) => shown(dir) === name)) fail(`${name} is not a story folder (a folder with a story.<lang>.yaml in ${STORY_ROOTS.join(' or ')}).`);
}

let failed = false;
for (const dir of dirs) {
	try {
		await buildStory(shown(dir));
	} catch (error) {
		failed = true;
		console.error(`${shown(dir)}: ${error instanceof Error ? error.message : error}\n`);
	}
}
if (named.length === 0) await buildWorld();
if (failed) fail('some stories were not built (above).');

async function buildStory(dir: string) {
	const abs = path.join(ROOT, dir);
	const read = (name: string) => fs.readFileSync(path.join(abs, name), 'utf8');
	const parse = (name: string) => {
		if (!fs.existsSync(path.join(abs, name))) throw new Error(`${dir}/${name} not found: every story folder needs places.geojson and route-defs.json.`);
		try {
			return JSON.parse(read(name)) as unknown;
		} catch (error) {
			throw new Error(`${dir}/${name} is not valid JSON: ${(error as Error).message}`);
		}
	};
	const { routes, errors } = buildRoutes({ file: `${dir}/places.geojson`, data: parse('places.geojson') }, { file: `${dir}/route-defs.json`, data: parse('route-defs.json') });
	if (errors.length) throw new Error(`routes not built, ${errors.length} problem${errors.length > 1 ? 's' : ''}:\n  ${errors.join('\n  ')}`);
	if (writeIfChanged(path.join(abs, ROUTES_FILE), geojsonText(routes.features))) console.log(`${dir}/${ROUTES_FILE}: ${routes.features.length} routes, regenerated`);

	const input = storyInputHash(dir);
	const file = path.join(abs, BASEMAP_FILE);
	if (!force && readHeader<Header>(file)?.input === input) {
		console.log(`${dir}/${BASEMAP_FILE}: up to date (${kb(gzipSize(fs.readFileSync(file, 'utf8')))} gzip)`);
		return;
	}

	// The heavy part (validating the story, reading Natural Earth) only when something changed.
	const started = performance.now();
	const [{ storyFolders, validateEdition }, { buildStoryBasemap, labelCandidates }, { countryFeatures, worldAtlas }, { storyViews }] = await Promise.all([
		import('$lib/story/catalog'),
		import('./basemap'),
		import('./natural-earth'),
		import('./views')
	]);
	const texts = Object.fromEntries(storyFiles(dir).map((f) => [`/${dir}/${f}`, read(f)]));
	const [folder] = storyFolders(texts);
	const countries = countryFeatures(worldAtlas('countries-10m'));
	const editions = folder.langs.map((lang) => validateEdition(folder, lang, countries));
	const views = storyViews(editions.map((story) => story.chapters));
	const basemap = buildStoryBasemap(views, editions[0].places.features);
	const text = geojsonText(basemap.features, { input, detail: basemap.detail } satisfies Header);

	report(`${dir}/${BASEMAP_FILE}`, basemap.features, text, BUDGET.storyGzip, performance.now() - started);
	const zooms = views.map((v) => v.zoom);
	const overviews = views.filter((v) => v.chapter === 'overview');
	console.log(`  views: ${editions[0].chapters.length} chapters + overview on ${overviews.length} screens, zoom ${Math.min(...zooms).toFixed(1)}–${Math.max(...zooms).toFixed(1)}`);
	const regions = basemap.detail.regions;
	console.log(`  detail (1:10m coast, built-up areas) in ${regions.length} region${regions.length === 1 ? '' : 's'}, to zoom ${regions[0]?.maxZoom ?? '–'}; elsewhere to zoom ${basemap.detail.maxZoom}`);
	const candidates = overviews.map((view) => ({ view, count: labelCandidates(view, basemap.features).length }));
	console.log(`  overview label candidates: ${candidates.map(({ view, count }) => `${view.screen} ${count} (zoom ${view.zoom.toFixed(1)})`).join(', ')}; budget ${BUDGET.overviewLabels}`);
	if (candidates.some(({ count }) => count > BUDGET.overviewLabels)) throw new Error(`the overview has more than ${BUDGET.overviewLabels} label candidates`);
	writeIfChanged(file, text);
}

async function buildWorld() {
	const file = WORLD_FILE;
	const input = builderHash();
	if (!force && readHeader<Header>(file)?.input === input) {
		console.log(`${shown(file)}: up to date (${kb(gzipSize(fs.readFileSync(file, 'utf8')))} gzip)`);
	} else {
		const started = performance.now();
		const { worldFeatures } = await import('./world');
		const features = worldFeatures();
		const text = geojsonText(features, { input } satisfies Header);
		report(shown(file), features, text, BUDGET.worldGzip, performance.now() - started);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		writeIfChanged(file, text);
	}
	// geo/basemap holds exactly the shared layers this script writes.
	for (const f of fs.readdirSync(path.dirname(file))) {
		if (f === path.basename(file)) continue;
		fs.unlinkSync(path.join(path.dirname(file), f));
		console.log(`removed stale geo/basemap/${f}`);
	}
}

function report(name: string, features: Feature[], text: string, budget: number, ms: number) {
	const gzip = gzipSize(text);
	console.log(`${name}: ${kb(Buffer.byteLength(text))} raw, ${kb(gzip)} gzip (budget ${kb(budget)}), built in ${(ms / 1000).toFixed(1)} s`);
	const byLayer = new Map<string, string[]>();
	for (const f of features) {
		const layer = String(f.properties?.layer);
		byLayer.set(layer, [...(byLayer.get(layer) ?? []), JSON.stringify(f)]);
	}
	for (const [layer, lines] of byLayer) {
		const body = lines.join(',\n');
		console.log(`  ${layer.padEnd(15)} ${String(lines.length).padStart(5)} features ${kb(Buffer.byteLength(body)).padStart(10)} raw ${kb(gzipSize(body)).padStart(9)} gzip alone`);
	}
	if (gzip > budget) throw new Error(`${name} is over its budget: ${kb(gzip)} gzip > ${kb(budget)}`);
}

function fail(message: string): never {
	console.error(`npm run geo: ${message}`);
	process.exit(1);
}
