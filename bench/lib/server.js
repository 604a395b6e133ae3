/**
 * Serves the built site with `vite preview` (the project's own config, so compressed as `npm start` serves it), on a
 * free loopback port, plus the bench's own pages under `/__bench/`: the floor pages (bench/map/floor.js) and the
 * MapLibre files they load, straight from node_modules. Run from the project's root (bench/run.js makes sure).
 * Before it answers, every text file of build/ has been asked for once in each encoding, so no measured page waits
 * for the server to compress a file for the first time (as a CDN's cache would be warm).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';

const MAPLIBRE_DIST = fileURLToPath(new URL('../../node_modules/maplibre-gl/dist/', import.meta.url));
const LIBRARY_FILES = {
	'maplibre-gl.mjs': 'text/javascript',
	'maplibre-gl-worker.mjs': 'text/javascript',
	'maplibre-gl.css': 'text/css'
};

/** A TCP port nobody listens on right now. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/**
 * @returns {Promise<{ origin: string, port: number, addPage: (path: string, html: string) => string, stop: () => Promise<void> }>}
 *   `addPage('floor/x/', html)` serves html at `/__bench/floor/x/` and returns that path.
 */
export async function serveBuild() {
	const port = await freePort();
	/** @type {Map<string, string>} */
	const pages = new Map();
	/** @type {import('vite').Plugin} */
	const benchPages = {
		name: 'bench-pages',
		configurePreviewServer(server) {
			server.middlewares.use((req, res, next) => {
				const path = new URL(req.url ?? '/', 'http://x').pathname;
				if (!path.startsWith('/__bench/')) return next();
				const name = path.slice('/__bench/'.length);
				const html = pages.get(name);
				const type = LIBRARY_FILES[/** @type {keyof typeof LIBRARY_FILES} */ (name)];
				if (html === undefined && !type) {
					res.statusCode = 404;
					return res.end('not found');
				}
				res.setHeader('Content-Type', type ? `${type}; charset=utf-8` : 'text/html; charset=utf-8');
				res.setHeader('Cache-Control', 'no-cache');
				res.end(html ?? readFileSync(`${MAPLIBRE_DIST}${name}`));
			});
		}
	};
	const server = await preview({
		logLevel: 'warn',
		plugins: [benchPages],
		preview: { port, strictPort: true, host: '127.0.0.1', open: false }
	});
	const origin = `http://127.0.0.1:${port}`;
	await warmUp(origin);
	return {
		origin,
		port,
		addPage(path, html) {
			pages.set(path, html);
			return `/__bench/${path}`;
		},
		stop: () => server.close()
	};
}

/** Requests every text file of build/ in brotli and in gzip, one at a time. */
async function warmUp(origin) {
	const build = 'build';
	if (!existsSync(build)) return;
	const files = readdirSync(build, { recursive: true, encoding: 'utf8' }).filter((path) => /\.(html|m?js|css|json|geojson|svg)$/i.test(path));
	for (const path of files) {
		const url = `${origin}/${path.split('\\').join('/').replace(/(^|\/)index\.html$/, '$1')}`;
		for (const encoding of ['br', 'gzip']) await fetch(url, { headers: { 'accept-encoding': encoding } }).then((r) => r.arrayBuffer(), () => undefined);
	}
}
