/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The kiosk's offline cache. Registered by a kiosk page only (src/lib/modes/kiosk/offline.ts), with that kiosk's
 * folder (`…/<lang>/<story>/kiosk/`) as its scope, so no other page is ever controlled by it, and with a cache of its
 * own: two kiosks of one site (two stories, or two editions) never evict each other.
 *
 * Install: caches everything the kiosk needs: the app's scripts and styles (`build`, which also holds the map library,
 * its worker and the basemap files), the static files (`files`) and the kiosk's prerendered page, its edition's map
 * data, static maps and fonts.
 * Fetch: cache first, network for anything else. A new version waits until the page, at the start of a loop, posts
 * `skip-waiting`; the old version's cache is then deleted.
 * A worker registered by the first single-story site at `/kiosk/` (now a page that forwards to an edition) removes
 * itself and its cache, and reloads its pages, so they reach the forwarder and the edition's own worker.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
/** Where the kiosk page lives: the worker's scope (`…/<lang>/<story>/kiosk/`). */
const scope = new URL(sw.registration.scope).pathname;
const edition = /\/([^/]+)\/([^/]+)\/kiosk\/$/.exec(scope);
const CACHE_PREFIX = `kiosk:${scope}:`;
const CACHE = `${CACHE_PREFIX}${version}`;
// Of the prerendered files, the kiosk needs its own page, its edition's map data (`/data/<story>/<lang>/map.json`),
// its story's basemap (`/data/<story>/basemap.json`), its static maps (shown while the map is missing or remounted)
// and the fonts (/fonts/*.woff2 and the @font-face stylesheets /fonts/*.css); not the scroll page, the embeds or other
// stories.
const storyData = edition ? `/data/${edition[2]}/` : undefined;
const ownMapData = (path: string) =>
	storyData !== undefined && path.includes(storyData) && (path.endsWith('/basemap.json') || path.includes(`${storyData}${edition![1]}/`));
const pictures = edition ? scope.replace(/kiosk\/$/, 'map/') : undefined;
const kioskPages = prerendered.filter(
	(path) => path.startsWith(scope) || ownMapData(path) || (pictures !== undefined && path.startsWith(pictures)) || /\/fonts\/[^/]+\.(woff2|css)$/.test(path)
);
const ASSETS = [...new Set([...build, ...files, ...kioskPages, scope])];

sw.addEventListener('install', (event) => {
	if (!edition) {
		sw.skipWaiting();
		return;
	}
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				// Older versions of this kiosk's cache, and the first site's single `kiosk-<version>` cache.
				if ((key.startsWith(CACHE_PREFIX) && key !== CACHE) || /^kiosk-/.test(key)) await caches.delete(key);
			}
			if (!edition) {
				await sw.registration.unregister();
				for (const client of await sw.clients.matchAll({ type: 'window' })) (client as WindowClient).navigate(client.url);
				return;
			}
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data?.type === 'skip-waiting') sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (!edition || request.method !== 'GET' || new URL(request.url).origin !== sw.location.origin) return;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			// The kiosk page is cached once for all its query strings (?dwell=…, ?idle=…).
			const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
			return cached ?? fetch(request);
		})()
	);
});
