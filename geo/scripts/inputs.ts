/**
 * What a generated basemap is made from, as a hash written into it: a story's basemap is rebuilt only when its own
 * files or the build (these scripts, the framing code, the Natural Earth inputs) change, and a test can tell a
 * committed basemap is stale without rebuilding it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inputFiles } from './natural-earth';
import { BASEMAP_FILE, ROOT, shown } from './paths';

/** Budgets the build enforces: gzip size of one story's basemap and of the shared world file, and the label
 * candidates (cities, countries, seas) the opening overview may hold on any reference screen. */
export const BUDGET = { storyGzip: 200 * 1024, worldGzip: 50 * 1024, overviewLabels: 300 };

const sha = (...parts: (string | Buffer)[]) => {
	const hash = crypto.createHash('sha256');
	for (const part of parts) hash.update(part).update('\0');
	return hash.digest('hex').slice(0, 16);
};

let builder: string | undefined;

/** Hash of the build itself: the geo scripts, the framing they share with the site, the Natural Earth inputs. */
export function builderHash(): string {
	const scripts = path.join(ROOT, 'geo', 'scripts');
	const files = [
		...fs.readdirSync(scripts).filter((f) => f.endsWith('.ts')).sort().map((f) => path.join(scripts, f)),
		...['src/lib/geo/framing.ts', 'src/lib/geo/overview.ts', 'src/lib/map/basemap.ts'].map((f) => path.join(ROOT, f)),
		...inputFiles()
	];
	return (builder ??= sha(...files.flatMap((f) => [shown(f), fs.readFileSync(f)])));
}

/** A story folder's files, as the site reads them (YAML, JSON, GeoJSON), without the generated basemap. */
export function storyFiles(dir: string): string[] {
	return fs
		.readdirSync(path.join(ROOT, dir))
		.filter((f) => /\.(yaml|json|geojson)$/.test(f) && f !== BASEMAP_FILE)
		.sort();
}

/** Hash of everything a story's basemap is made from: its files (editions, places, routes…), not its sources. */
export function storyInputHash(dir: string): string {
	const inputs = storyFiles(dir).filter((f) => f !== 'sources.yaml');
	return sha(builderHash(), ...inputs.flatMap((f) => [f, fs.readFileSync(path.join(ROOT, dir, f), 'utf8')]));
}
