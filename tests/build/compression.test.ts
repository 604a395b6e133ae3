/**
 * `npm start` serves text as a CDN would: the preview server (started here as `vite preview` does, with the project's
 * config) sends a map data file and a basemap file compressed, with Content-Encoding and Vary. Needs `npm run build`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BUILD = join(process.cwd(), 'build');

/** Build files under `dir` (relative to build/) whose names match. */
function findFiles(dir: string, name: RegExp): string[] {
	const root = join(BUILD, dir);
	if (!existsSync(root)) return [];
	return readdirSync(root, { recursive: true, encoding: 'utf8' })
		.filter((path) => name.test(path))
		.map((path) => `${dir}/${path.split('\\').join('/')}`);
}

let server: PreviewServer;
let origin: string;

beforeAll(async () => {
	server = await preview({ logLevel: 'silent', preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false } });
	origin = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
	await server?.close();
});

function get(path: string, acceptEncoding: string) {
	return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
		const req = request(`${origin}/${path}`, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', reject);
		req.end();
	});
}

describe('preview server compression', () => {
	it("sends each edition's map data as brotli", async () => {
		const mapData = findFiles('data', /map\.json$/);
		expect(mapData.length).toBeGreaterThan(0);
		for (const path of mapData) {
			const res = await get(path, 'br, gzip');
			expect(res.status, path).toBe(200);
			expect(res.headers['content-encoding'], path).toBe('br');
			expect(res.headers['vary'], path).toMatch(/accept-encoding/i);
			expect(brotliDecompressSync(res.body).equals(readFileSync(join(BUILD, path))), path).toBe(true);
		}
	});

	it('sends basemap GeoJSON, scripts and pages compressed, and the page as gzip to a gzip-only client', async () => {
		const [geojson] = findFiles('_app', /\.geojson$/);
		// The largest script: files under 1 KB are sent as they are (not worth compressing).
		const [script] = findFiles('_app', /\.js$/).sort((a, b) => statSync(join(BUILD, b)).size - statSync(join(BUILD, a)).size);
		for (const path of [geojson, script].filter(Boolean)) {
			const res = await get(path, 'br, gzip');
			expect(res.headers['content-encoding'], path).toBe('br');
			expect(res.body.length, path).toBeLessThan(readFileSync(join(BUILD, path)).length);
		}
		const page = await get('', 'gzip');
		expect(page.headers['content-encoding']).toBe('gzip');
		expect(String(page.headers['content-type'])).toMatch(/text\/html/);
	});
});
