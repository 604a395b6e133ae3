/**
 * Serves text compressed, as a CDN would: `npm start` (vite preview) and the bench server send HTML, scripts, styles,
 * JSON, GeoJSON and SVG as brotli or gzip, whichever the browser accepts, with `Content-Encoding` and
 * `Vary: Accept-Encoding`. The build itself stays plain files (adapter-static writes .br/.gz copies for hosts that
 * serve them).
 *
 * Vite preview's own compression is gzip only and skips GeoJSON, and SvelteKit serves the build from
 * `.svelte-kit/output`, so this middleware wraps every response (hiding Accept-Encoding from the ones inside it)
 * rather than looking for precompressed files. Each body is compressed once at the highest setting (off the main
 * thread) and kept by its content hash; the plugin compresses every text file of build/ in the background as the
 * server starts, so readers (and the bench) seldom wait for it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Media types worth compressing (fonts, images and archives are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|geo\+json|manifest\+json|xml|wasm)|image\/svg\+xml)|\+json\b|\+xml\b/i;
/** Below this, compression costs more than it saves (a CDN's usual floor). */
const MIN_BYTES = 1024;

/** @typedef {'br' | 'gzip'} Encoding */

/** The encoding to answer an `Accept-Encoding` header with: brotli first, then gzip; none when neither is accepted. */
/**
 * @param {string | string[] | undefined} acceptEncoding
 * @returns {Encoding | undefined}
 */
export function chooseEncoding(acceptEncoding) {
	const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
	/** @type {Map<string, number>} */
	const accepted = new Map();
	for (const part of header.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		accepted.set(name, q ? Number(q.slice(2)) : 1);
	}
	const quality = (/** @type {Encoding} */ name) => accepted.get(name) ?? (accepted.has('*') ? (accepted.get('*') ?? 0) : 0);
	if (quality('br') > 0) return 'br';
	if (quality('gzip') > 0) return 'gzip';
	return undefined;
}

/** @param {string | undefined} contentType */
export function isCompressible(contentType) {
	return !!contentType && COMPRESSIBLE.test(contentType);
}

/**
 * @param {Buffer} body
 * @param {Encoding} encoding
 * @returns {Promise<Buffer>}
 */
export function compress(body, encoding) {
	return encoding === 'br'
		? brotliAsync(body, {
				params: {
					[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
					[constants.BROTLI_PARAM_SIZE_HINT]: body.length
				}
			})
		: gzipAsync(body, { level: 9 });
}

/** Text files by extension: what the warm-up compresses ahead of the first request. */
const TEXT_FILE = /\.(html|m?js|css|json|geojson|svg|txt|xml|webmanifest)$/i;

/**
 * Connect middleware: buffers a compressible response and sends it compressed. Leaves alone HEAD requests, answers
 * without a body (204, 304), ranges, responses already encoded and clients that accept neither br nor gzip.
 */
export function compressionMiddleware(/** @type {{ cacheEntries?: number }} */ options = {}) {
	/** @type {Map<string, Promise<Buffer>>} */
	const cache = new Map();
	const cacheEntries = options.cacheEntries ?? 1000;

	/** @param {Buffer} body @param {Encoding} encoding */
	function compressed(body, encoding) {
		const key = `${encoding}:${createHash('sha1').update(body).digest('hex')}`;
		let hit = cache.get(key);
		if (!hit) {
			hit = compress(body, encoding);
			hit.catch(() => cache.delete(key));
			if (cache.size >= cacheEntries) cache.delete(/** @type {string} */ (cache.keys().next().value));
			cache.set(key, hit);
		}
		return hit;
	}

	/**
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 * @param {(error?: unknown) => void} next
	 */
	function compressResponses(req, res, next) {
		const encoding = chooseEncoding(req.headers['accept-encoding']);
		if (!encoding || req.method === 'HEAD' || req.headers.range) return next();
		// Compressing is this middleware's job alone (Vite preview's gzip would otherwise come first).
		req.headers['accept-encoding'] = 'identity';

		/** @type {Buffer[]} */
		const chunks = [];
		const write = /** @type {(chunk: unknown, ...rest: unknown[]) => boolean} */ (res.write.bind(res));
		const end = /** @type {(...args: unknown[]) => import('node:http').ServerResponse} */ (res.end.bind(res));
		/** @type {(chunk: unknown, enc?: unknown) => Buffer} */
		const toBuffer = (chunk, enc) =>
			Buffer.isBuffer(chunk)
				? chunk
				: typeof chunk === 'string'
					? Buffer.from(chunk, typeof enc === 'string' ? /** @type {BufferEncoding} */ (enc) : 'utf8')
					: Buffer.from(/** @type {Uint8Array} */ (chunk));

		/** Whether this response is one to compress; decided once its headers are final. */
		/** @type {boolean | undefined} */
		let decided;
		const shouldCompress = () => {
			if (decided !== undefined) return decided;
			const status = res.statusCode;
			decided =
				status !== 204 &&
				status !== 206 &&
				status !== 304 &&
				!res.getHeader('content-encoding') &&
				isCompressible(String(res.getHeader('content-type') ?? ''));
			return decided;
		};

		// Headers are held until the body is known: writeHead only sets them, and they are sent just before the first
		// bytes go out (Node's implicit header goes through res.writeHead, so the original is called explicitly).
		const writeHead = res.writeHead.bind(res);
		const sendHead = () => {
			if (!res.headersSent) writeHead(res.statusCode);
		};
		res.writeHead = /** @type {typeof res.writeHead} */ (function (/** @type {number} */ status, /** @type {unknown[]} */ ...rest) {
			res.statusCode = status;
			if (typeof rest[0] === 'string') res.statusMessage = rest[0];
			const headers = rest.find((r) => r && typeof r === 'object');
			if (headers && !Array.isArray(headers))
				for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
			return res;
		});

		res.write = /** @type {typeof res.write} */ (function (/** @type {unknown} */ chunk, /** @type {unknown[]} */ ...rest) {
			if (!shouldCompress()) {
				sendHead();
				return write(chunk, ...rest);
			}
			if (chunk != null) chunks.push(toBuffer(chunk, rest[0]));
			const callback = /** @type {(() => void) | undefined} */ (rest.find((r) => typeof r === 'function'));
			callback?.();
			return true;
		});

		res.end = /** @type {typeof res.end} */ (function (/** @type {unknown[]} */ ...args) {
			const callback = /** @type {(() => void) | undefined} */ (args.find((a) => typeof a === 'function'));
			const chunk = typeof args[0] === 'function' ? undefined : args[0];
			if (!shouldCompress()) {
				sendHead();
				return end(...args);
			}
			if (chunk != null) chunks.push(toBuffer(chunk, args[1]));
			const body = Buffer.concat(chunks);
			res.setHeader('Vary', appendVary(res.getHeader('vary')));
			if (body.length < MIN_BYTES) {
				res.setHeader('Content-Length', body.length);
				sendHead();
				return end(body, callback);
			}
			compressed(body, encoding).then(
				(out) => {
					res.setHeader('Content-Encoding', encoding);
					res.setHeader('Content-Length', out.length);
					// A strong ETag names the plain bytes; the compressed ones differ.
					const etag = res.getHeader('etag');
					if (typeof etag === 'string' && !etag.startsWith('W/')) res.setHeader('ETag', `W/${etag}`);
					sendHead();
					end(out, callback);
				},
				() => {
					res.setHeader('Content-Length', body.length);
					sendHead();
					end(body, callback);
				}
			);
			return res;
		});

		next();
	}

	/**
	 * Compresses every text file under `dir` ahead of its first request, one at a time, in both encodings.
	 * @param {string} dir
	 */
	async function warm(dir) {
		if (!existsSync(dir)) return;
		const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => TEXT_FILE.test(path));
		for (const path of files) {
			const body = readFileSync(join(dir, path));
			if (body.length < MIN_BYTES) continue;
			for (const encoding of /** @type {Encoding[]} */ (['br', 'gzip'])) await compressed(body, encoding).catch(() => undefined);
		}
	}

	return Object.assign(compressResponses, { warm });
}

/** @param {number | string | string[] | undefined} current */
function appendVary(current) {
	const values = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	if (!values.some((v) => v.toLowerCase() === 'accept-encoding' || v === '*')) values.push('Accept-Encoding');
	return values.join(', ');
}

/** Vite plugin: the preview server (`npm start`, the bench) answers with compressed text. */
/** @returns {import('vite').Plugin} */
export function previewCompression() {
	return {
		name: 'story-map:preview-compression',
		configurePreviewServer(server) {
			const middleware = compressionMiddleware();
			// Added before SvelteKit's own middlewares (they come in its post hook), so it wraps all of them.
			server.middlewares.use(middleware);
			// What SvelteKit serves is what adapter-static copied to build/: the same bytes, so the same cache keys.
			void middleware.warm(join(server.config.root, 'build'));
		}
	};
}
