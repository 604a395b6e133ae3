/**
 * The kiosk's service worker (src/service-worker.ts), registered from the kiosk page only, so the scroll page and the
 * embeds are never controlled by it. A new version installs in the background and waits; at the start of a loop (the
 * attract screen) the page lets it take over and reloads, so a visitor never sees a chapter cut off by an update.
 */

/** How often, at most, the kiosk asks the server for a new version (only at the start of a loop, only online). */
export const UPDATE_CHECK_INTERVAL_MS = 15 * 60 * 1000;
/** The message src/service-worker.ts answers with skipWaiting(). */
export const SKIP_WAITING = 'skip-waiting';

type Container = Pick<ServiceWorkerContainer, 'register' | 'addEventListener' | 'removeEventListener' | 'controller'>;

export interface KioskWorkerOptions {
	scriptUrl: string | URL;
	scope: string;
	/** 'module' in `vite dev`, 'classic' in the build (SvelteKit bundles the worker for production). */
	type: WorkerType;
	container?: Container;
	isOnline?: () => boolean;
	now?: () => number;
	reload?: () => void;
}

export interface KioskWorker {
	/** Call when the loop arrives at the attract screen. */
	atLoopStart(): void;
	/** Forget the page's listeners (the worker itself stays installed). */
	stop(): void;
}

export function registerKioskWorker(options: KioskWorkerOptions): KioskWorker {
	const container = options.container ?? (typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined);
	if (!container) return { atLoopStart() {}, stop() {} };
	const isOnline = options.isOnline ?? (() => navigator.onLine);
	const now = options.now ?? (() => performance.now());
	const reload = options.reload ?? (() => location.reload());

	let registration: ServiceWorkerRegistration | undefined;
	let takingOver = false;
	let lastCheck = now();
	// The first install also changes the controller (clients.claim()); only a handover we asked for reloads.
	const onControllerChange = () => {
		if (takingOver) reload();
	};
	container.addEventListener('controllerchange', onControllerChange);
	container.register(options.scriptUrl, { scope: options.scope, type: options.type }).then(
		(registered) => (registration = registered),
		(error) => console.warn('kiosk: no offline cache (the service worker did not register):', error)
	);

	return {
		atLoopStart() {
			if (!registration || takingOver) return;
			if (registration.waiting && container.controller) {
				takingOver = true;
				registration.waiting.postMessage({ type: SKIP_WAITING });
				return;
			}
			if (isOnline() && now() - lastCheck >= UPDATE_CHECK_INTERVAL_MS) {
				lastCheck = now();
				registration.update().catch(() => {});
			}
		},
		stop() {
			container.removeEventListener('controllerchange', onControllerChange);
		}
	};
}
