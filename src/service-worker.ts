/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The kiosk's offline cache. Registered by the kiosk page only (src/lib/modes/kiosk/offline.ts), with the kiosk's
 * folder as its scope, so no other page is ever controlled by it.
 *
 * Install: caches everything the kiosk needs: the app's scripts and styles (`build`, which also holds the map library,
 * its worker and the basemap GeoJSON), the static files (`files`) and the kiosk's prerendered page, the story's map
 * data and the fonts.
 * Fetch: cache first, network for anything else. A new version waits until the page, at the start of a loop, posts
 * `skip-waiting`; the old version's cache is then deleted.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `kiosk-${version}`;
/** Where the kiosk page lives: the worker's scope (`…/kiosk/`). */
const scope = new URL(sw.registration.scope).pathname;
// Of the prerendered files, the kiosk needs its own page, the map data (/data/<story>/<lang>/map.json) and the font
// files (/fonts/*.woff2, prerendered from their packages); not the scroll page or the embeds.
const kioskPages = prerendered.filter((path) => path.startsWith(scope) || path.includes('/data/') || path.endsWith('.woff2'));
const ASSETS = [...new Set([...build, ...files, ...kioskPages, scope])];

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE && key.startsWith('kiosk-')) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data?.type === 'skip-waiting') sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET' || new URL(request.url).origin !== sw.location.origin) return;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			// The kiosk page is cached once for all its query strings (?dwell=…, ?idle=…).
			const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
			return cached ?? fetch(request);
		})()
	);
});
