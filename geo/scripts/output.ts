/** Writing generated GeoJSON: one feature per line (small diffs), fixed key order, so the same input gives the same bytes. */
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { Feature } from 'geojson';

/** The file's text; `header` becomes a `basemap` member on the first line, which MapLibre ignores. */
export function geojsonText(features: Feature[], header?: object): string {
	const head = `{"type":"FeatureCollection",${header ? `"basemap":${JSON.stringify(header)},` : ''}"features":[`;
	return `${head}\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/** The `basemap` header of a file written by geojsonText, read from its first line only (undefined if none). */
export function readHeader<T>(file: string): T | undefined {
	if (!fs.existsSync(file)) return undefined;
	const fd = fs.openSync(file, 'r');
	try {
		const buffer = Buffer.alloc(8192);
		const firstLine = buffer.toString('utf8', 0, fs.readSync(fd, buffer, 0, buffer.length, 0)).split('\n')[0];
		const match = /^\{"type":"FeatureCollection","basemap":(.*),"features":\[$/.exec(firstLine);
		return match ? (JSON.parse(match[1]) as T) : undefined;
	} catch {
		return undefined;
	} finally {
		fs.closeSync(fd);
	}
}

/** Writes only when the text differs, so an unchanged file keeps its time and the dev server does not reload. */
export function writeIfChanged(file: string, text: string): boolean {
	if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return false;
	fs.writeFileSync(file, text);
	return true;
}

export const gzipSize = (text: string) => zlib.gzipSync(text, { level: 9 }).length;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
