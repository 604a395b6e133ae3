/**
 * Keeping an unattended screen awake and clean. Each helper returns the function that undoes it, so the page leaves
 * no listener or timer behind. Browsers may refuse a wake lock or fullscreen (no permission, no gesture yet, a
 * headless test browser): that is not an error on a kiosk, it just stays as it is.
 */

interface WakeLockLike {
	request(type: 'screen'): Promise<{ release(): Promise<void> }>;
}

/** Holds a Screen Wake Lock, and asks again whenever the page becomes visible (the browser drops it when hidden). */
export function keepScreenAwake(doc: Document = document, wakeLock: WakeLockLike | undefined = navigator.wakeLock): () => void {
	if (!wakeLock) return () => {};
	let sentinel: { release(): Promise<void> } | undefined;
	let stopped = false;
	const request = () => {
		if (doc.visibilityState !== 'visible') return;
		wakeLock.request('screen').then(
			(lock) => {
				if (stopped) lock.release().catch(() => {});
				else sentinel = lock;
			},
			() => {}
		);
	};
	doc.addEventListener('visibilitychange', request);
	request();
	return () => {
		stopped = true;
		doc.removeEventListener('visibilitychange', request);
		sentinel?.release().catch(() => {});
	};
}

/** Hides the cursor over `element` once the pointer has been still for `ms`; it comes back when the pointer moves. */
export function hideCursorWhenStill(element: HTMLElement, ms = 3000, className = 'cursor-hidden'): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const hideLater = () => {
		element.classList.remove(className);
		clearTimeout(timer);
		timer = setTimeout(() => element.classList.add(className), ms);
	};
	element.addEventListener('pointermove', hideLater);
	element.addEventListener('pointerdown', hideLater);
	hideLater();
	return () => {
		clearTimeout(timer);
		element.removeEventListener('pointermove', hideLater);
		element.removeEventListener('pointerdown', hideLater);
	};
}

/** Fullscreen needs a user gesture: call this from the first tap or key. Does nothing when already fullscreen. */
export function enterFullscreen(doc: Document = document): void {
	if (doc.fullscreenElement || !doc.documentElement.requestFullscreen) return;
	doc.documentElement.requestFullscreen({ navigationUI: 'hide' }).catch(() => {});
}
