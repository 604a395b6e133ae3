/** Where the geo scripts read and write, relative to the repository root. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The basemap layers every story shares (world land at low zoom). */
export const WORLD_FILE = path.join(ROOT, 'geo', 'basemap', 'world.geojson');

/** A story's generated files, inside its folder. */
export const ROUTES_FILE = 'routes.geojson';
export const BASEMAP_FILE = 'basemap.geojson';

/** Folders that hold story folders: the published stories and the test fixtures. */
export const STORY_ROOTS = ['stories', path.join('tests', 'fixtures', 'stories')];

/** Every story folder (one with a `story.<lang>.yaml`), relative to ROOT, in a stable order. */
export function storyDirs(): string[] {
	return STORY_ROOTS.flatMap((root) => {
		const abs = path.join(ROOT, root);
		if (!fs.existsSync(abs)) return [];
		return fs
			.readdirSync(abs, { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => path.join(root, entry.name))
			.filter((dir) => fs.readdirSync(path.join(ROOT, dir)).some((f) => /^story\.[^./]+\.yaml$/.test(f)))
			.sort();
	});
}

/** `path` relative to ROOT with forward slashes, as messages show it. */
export function shown(file: string): string {
	return path.relative(ROOT, path.resolve(ROOT, file)).split(path.sep).join('/');
}
