/**
 * Story folders on disk for the authoring commands and the dev-server overlay: reads them into the
 * `{ path: text }` map that `storyFolders` (src/lib/story/catalog.ts) groups, and loads the Natural Earth
 * countries the validator checks places against. Imports nothing through `$lib`, so vite.config.ts can load it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** Where published stories live, relative to the project root. */
export const defaultStoriesRoot = 'stories';

/** A story id is its folder's name: lowercase letters, digits and single hyphens. */
export const storyIdPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Files a story folder holds besides its editions (`story.<lang>.yaml`). */
const storyFileNames = /^(story\.[^./]+\.yaml|ui\.[^./]+\.yaml|place-kinds\.yaml|sources\.yaml|places\.geojson|route-defs\.json|routes\.geojson)$/;

/** A path as messages show it: relative to `base`, by default the working directory (the project root for npm scripts). */
export function shownPath(file: string, base = process.cwd()): string {
	return path.relative(base, path.resolve(base, file)).split(path.sep).join('/');
}

/**
 * The story files under `root` (every folder, or only `ids`), keyed `<root>/<id>/<file>` as messages show them
 * (relative to `base`, by default the working directory).
 */
export function readStoryFiles(root: string, ids?: string[], base = process.cwd()): Record<string, string> {
	const files: Record<string, string> = {};
	const rootDir = path.resolve(base, root);
	if (!fs.existsSync(rootDir)) return files;
	const folders = ids ?? fs.readdirSync(rootDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
	for (const id of folders) {
		const dir = path.join(rootDir, id);
		if (!fs.existsSync(dir)) continue;
		for (const name of fs.readdirSync(dir)) {
			if (storyFileNames.test(name)) files[`${shownPath(dir, base)}/${name}`] = fs.readFileSync(path.join(dir, name), 'utf8');
		}
	}
	return files;
}

export type Country = Feature<Polygon | MultiPolygon, { name: string }>;

let countries: Country[] | undefined;

/** Natural Earth 1:10m countries (world-atlas), as the site's loader reads them. */
export function naturalEarthCountries(): Country[] {
	if (countries) return countries;
	const file = path.join(projectRoot(), 'node_modules/world-atlas/countries-10m.json');
	const topology = JSON.parse(fs.readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
	countries = feature(topology, topology.objects.countries).features as Country[];
	return countries;
}

/** The project root: the folder above scripts/story. */
export function projectRoot(): string {
	return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
}
