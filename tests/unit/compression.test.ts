/**
 * The preview server's compression (vite/compression.ts), exercised through a real HTTP server: what a browser that
 * accepts brotli or gzip receives, and what one that accepts neither receives.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, compressionMiddleware } from '../../vite/compression.js';

const GEOJSON = JSON.stringify({
	type: 'FeatureCollection',
	features: Array.from({ length: 200 }, (_, i) => ({ type: 'Feature', properties: { name: `Place ${i}` }, geometry: { type: 'Point', coordinates: [i, i] } }))
});
const FONT = Buffer.alloc(4096, 7);

let server: Server;
let origin: string;

beforeAll(async () => {
	const compress = compressionMiddleware();
	server = createServer((req, res) => {
		compress(req, res, () => {
			if (req.url === '/map.geojson') {
				res.setHeader('Content-Type', 'application/geo+json');
				res.setHeader('ETag', '"abc"');
				res.write(GEOJSON.slice(0, 100));
				res.end(GEOJSON.slice(100));
			} else if (req.url === '/font.woff2') {
				res.setHeader('Content-Type', 'font/woff2');
				res.end(FONT);
			} else if (req.url === '/tiny.json') {
				res.setHeader('Content-Type', 'application/json');
				res.end('{"a":1}');
			} else {
				res.statusCode = 304;
				res.end();
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(path: string, acceptEncoding?: string) {
	return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
		const req = request(`${origin}${path}`, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', reject);
		req.end();
	});
}

describe('compressed responses', () => {
	it('sends GeoJSON as brotli to a browser that accepts br and gzip, smaller and intact', async () => {
		const res = await get('/map.geojson', 'br, gzip');
		expect(res.headers['content-encoding']).toBe('br');
		expect(res.headers['vary']).toMatch(/accept-encoding/i);
		expect(res.body.length).toBeLessThan(GEOJSON.length / 3);
		expect(Number(res.headers['content-length'])).toBe(res.body.length);
		expect(brotliDecompressSync(res.body).toString()).toBe(GEOJSON);
		expect(res.headers['etag']).toBe('W/"abc"');
	});

	it('sends gzip when only gzip is accepted', async () => {
		const res = await get('/map.geojson', 'gzip, deflate');
		expect(res.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(res.body).toString()).toBe(GEOJSON);
	});

	it('sends plain bytes when no encoding is accepted, and leaves fonts, tiny files and 304s alone', async () => {
		const plain = await get('/map.geojson');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.toString()).toBe(GEOJSON);
		const font = await get('/font.woff2', 'br, gzip');
		expect(font.headers['content-encoding']).toBeUndefined();
		expect(font.body.equals(FONT)).toBe(true);
		const tiny = await get('/tiny.json', 'br');
		expect(tiny.headers['content-encoding']).toBeUndefined();
		expect(tiny.body.toString()).toBe('{"a":1}');
		const notModified = await get('/other', 'br');
		expect(notModified.status).toBe(304);
		expect(notModified.headers['content-encoding']).toBeUndefined();
	});
});

describe('chooseEncoding', () => {
	it('prefers brotli, honours q=0 and the wildcard', () => {
		expect(chooseEncoding('gzip, deflate, br')).toBe('br');
		expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
		expect(chooseEncoding('identity')).toBeUndefined();
		expect(chooseEncoding('*')).toBe('br');
		expect(chooseEncoding(undefined)).toBeUndefined();
	});
});
