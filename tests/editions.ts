/**
 * The stories and editions under test, read from their folders with the engine's own catalog (node:fs, no Vite):
 * `stories/<id>/` always, and the fixture stories in `tests/fixtures/stories/<id>/` when the site was built with them
 * (`STORY_FIXTURES=1`, as `npm test` builds). Tests take every story id, chapter id and title from here or from the
 * built site, never from their own text.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { parse } from 'yaml';
import { storyFolders, validateEdition, type StoryFolder } from '../src/lib/story/catalog';
import type { Story } from '../src/lib/story/types';
import type { CountryFeature } from '../src/lib/story/validate';
import { embedBuilderPath, embedPath, editionPath, kioskPath, mapDataPath, oembedPath, type Edition } from '../src/lib/site/urls';

const ROOT = process.cwd();
export const BUILD = join(ROOT, 'build');
const PUBLISHED = 'stories';
const FIXTURES = 'tests/fixtures/stories';

export interface EditionUnderTest extends Edition {
	/** `story/lang`, for test titles. */
	name: string;
	/** From tests/fixtures/stories/ (built only with STORY_FIXTURES=1). */
	fixture: boolean;
	/** The validated edition, as the site's loader makes it. */
	data: Story;
	/** Its pages on the site (paths from src/lib/site/urls.ts). */
	paths: { scroll: string; embed: string; builder: string; kiosk: string; oembed: string; mapData: string };
}

/** `{ '/<root>/<id>/<file>': text }` for every file of every folder under `root`. */
function readFolders(root: string): Record<string, string> {
	const dir = join(ROOT, root);
	if (!existsSync(dir)) return {};
	const files: Record<string, string> = {};
	for (const id of readdirSync(dir)) {
		const folder = join(dir, id);
		if (!statSync(folder).isDirectory()) continue;
		for (const name of readdirSync(folder)) if (/\.(yaml|json|geojson)$/.test(name)) files[`/${root}/${id}/${name}`] = readFileSync(join(folder, name), 'utf8');
	}
	return files;
}

let countries: CountryFeature[] | undefined;
/** Natural Earth 1:10m countries, as the site's loader reads them (read once). */
export function naturalEarthCountries(): CountryFeature[] {
	if (countries) return countries;
	const text = readFileSync(join(ROOT, 'node_modules/world-atlas/countries-10m.json'), 'utf8');
	const topology = JSON.parse(text) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
	return (countries = feature(topology, topology.objects.countries).features as CountryFeature[]);
}

/** Every story folder, published and fixture, whatever the build holds (for tests that need no built site). */
export function allStoryFolders(): StoryFolder[] {
	return storyFolders({ ...readFolders(PUBLISHED), ...readFolders(FIXTURES) });
}

/** Whether the built site holds the fixture stories: built with STORY_FIXTURES=1, or told so now. */
function fixturesBuilt(fixtures: StoryFolder[]): boolean {
	return process.env.STORY_FIXTURES === '1' || fixtures.some((folder) => existsSync(join(BUILD, 'data', folder.id)));
}

function toEdition(folder: StoryFolder, lang: string, fixture: boolean): EditionUnderTest {
	const edition = { story: folder.id, lang };
	return {
		...edition,
		name: `${folder.id}/${lang}`,
		fixture,
		data: validateEdition(folder, lang, naturalEarthCountries()),
		paths: {
			scroll: editionPath(edition),
			embed: embedPath(edition),
			builder: embedBuilderPath(edition),
			kiosk: kioskPath(edition),
			oembed: oembedPath(edition),
			mapData: mapDataPath(edition)
		}
	};
}

let cached: EditionUnderTest[] | undefined;

/** Every edition the site is built with, published stories first, each story's editions English first. */
export function editionsUnderTest(): EditionUnderTest[] {
	if (cached) return cached;
	const published = storyFolders(readFolders(PUBLISHED));
	const fixtures = storyFolders(readFolders(FIXTURES));
	const tested = [...published.map((folder) => ({ folder, fixture: false })), ...(fixturesBuilt(fixtures) ? fixtures.map((folder) => ({ folder, fixture: true })) : [])];
	cached = tested.flatMap(({ folder, fixture }) => folder.langs.map((lang) => toEdition(folder, lang, fixture)));
	return cached;
}

/**
 * One edition per story (its first: English where it has one). The page contract runs on each story; a story's other
 * editions are the same pages in another language, checked by the language walk (spanish.spec.ts), the site tests
 * and the build tests, which keeps the browser suite's time in step with the number of stories, not editions.
 */
export function storiesUnderTest(): EditionUnderTest[] {
	const seen = new Set<string>();
	return editionsUnderTest().filter((edition) => !seen.has(edition.story) && seen.add(edition.story));
}

/** The edition the site's first addresses (/embed/, /kiosk/) forward to: `legacy-story` of stories/site.yaml, in English. */
export function legacyEdition(): EditionUnderTest {
	const site = join(ROOT, PUBLISHED, 'site.yaml');
	const wanted = existsSync(site) ? (parse(readFileSync(site, 'utf8')) as { 'legacy-story'?: string } | null)?.['legacy-story'] : undefined;
	const candidates = editionsUnderTest().filter((edition) => !edition.fixture && (wanted === undefined || edition.story === wanted));
	const edition = candidates.find((e) => e.lang === 'en') ?? candidates[0];
	if (!edition) throw new Error(`stories/site.yaml: no edition of the legacy story \`${wanted}\``);
	return edition;
}
