/**
 * What the built static maps weigh: every `/<lang>/<story>/map/*.svg` (gzip, as served) and every share card PNG in a
 * build. Plain JavaScript so `npm run bench` (node, no build step) can import it as well as the tests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const MAP = /^[^/]+\/[^/]+\/map\/[^/]+\.svg$/;
const CARD = /^[^/]+\/[^/]+\/(card\.png|card\/[^/]+\.png)$/;

/**
 * @param {string} dir
 * @returns {string[]}
 */
function walk(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

/**
 * @param {string} buildDir
 * @returns {{ maps: { path: string, bytes: number, gzip: number }[], cards: { path: string, bytes: number }[],
 *   totals: { maps: number, mapsGzip: number, largestMapGzip: number, cards: number } }}
 */
export function staticMapWeight(buildDir) {
	if (!existsSync(buildDir)) throw new Error(`${buildDir} not found: build the site first (npm run build).`);
	/** @type {{ path: string, full: string }[]} */
	const files = walk(buildDir)
		.map((path) => ({ path: relative(buildDir, path).split(sep).join('/'), full: path }))
		.sort((a, b) => a.path.localeCompare(b.path));
	const maps = files
		.filter((f) => MAP.test(f.path))
		.map((f) => {
			const bytes = readFileSync(f.full);
			return { path: `/${f.path}`, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
		});
	const cards = files.filter((f) => CARD.test(f.path)).map((f) => ({ path: `/${f.path}`, bytes: statSync(f.full).size }));
	/** @param {number[]} values */
	const sum = (values) => values.reduce((total, value) => total + value, 0);
	return {
		maps,
		cards,
		totals: {
			maps: sum(maps.map((m) => m.bytes)),
			mapsGzip: sum(maps.map((m) => m.gzip)),
			largestMapGzip: Math.max(0, ...maps.map((m) => m.gzip)),
			cards: sum(cards.map((c) => c.bytes))
		}
	};
}
