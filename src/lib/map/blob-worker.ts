/**
 * MapLibre's worker started from a blob that imports the real worker script.
 *
 * A worker started from its own URL (…/_app/immutable/assets/maplibre-gl-worker.….mjs) belongs to whichever service
 * worker's scope covers that URL, so the kiosk's service worker (scope …/kiosk/) never sees the request and the map
 * cannot start offline. A worker started from a blob belongs to the page that made it, and the page's service worker
 * serves the script the blob imports. One blob per page, kept for the page's life: MapLibre may start its workers
 * again after its last map is removed.
 */
let shim: string | undefined;

export function blobWorkerUrl(scriptUrl: string): string {
	const absolute = new URL(scriptUrl, location.href).href;
	return (shim ??= URL.createObjectURL(new Blob([`import ${JSON.stringify(absolute)};\n`], { type: 'text/javascript' })));
}
