/** What a visitor's touch or key means on the kiosk. Pure: the page feeds in pointer positions and key events. */

export type KioskAction = 'next' | 'prev' | 'tap';

export interface PointerSample {
	x: number;
	y: number;
	/** Milliseconds (event.timeStamp). */
	time: number;
}

/** A swipe travels at least this far (CSS px) along its main axis… */
export const SWIPE_MIN_DISTANCE = 60;
/** …at least this many times further than across it… */
export const SWIPE_DIRECTNESS = 1.5;
/** …within this long. A slower drag is a visitor resting a hand, not a gesture. */
export const SWIPE_MAX_MS = 1000;
/** A tap moves less than this and lifts within TAP_MAX_MS. */
export const TAP_SLOP = 12;
export const TAP_MAX_MS = 600;

/**
 * A pointer's press and release as a kiosk action: a swipe left or up is the next chapter, right or down the previous
 * one (left/right on a landscape screen, up/down feels natural in portrait: both work everywhere). Anything else
 * (a slow drag, a diagonal smear, a long press) is no action; the page still counts it as the visitor being there.
 */
export function gestureAction(start: PointerSample, end: PointerSample): KioskAction | null {
	const dx = end.x - start.x;
	const dy = end.y - start.y;
	const duration = end.time - start.time;
	const distance = Math.hypot(dx, dy);
	if (distance < TAP_SLOP) return duration <= TAP_MAX_MS ? 'tap' : null;
	if (duration > SWIPE_MAX_MS) return null;
	const [along, across] = Math.abs(dx) >= Math.abs(dy) ? [dx, dy] : [dy, dx];
	if (Math.abs(along) < SWIPE_MIN_DISTANCE || Math.abs(along) < SWIPE_DIRECTNESS * Math.abs(across)) return null;
	return along < 0 ? 'next' : 'prev';
}

/** Keys: arrows and page keys move by chapter, space (or Enter) does what a tap does. */
export function keyAction(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>): KioskAction | null {
	if (event.altKey || event.ctrlKey || event.metaKey) return null;
	switch (event.key) {
		case 'ArrowRight':
		case 'ArrowDown':
		case 'PageDown':
			return 'next';
		case 'ArrowLeft':
		case 'ArrowUp':
		case 'PageUp':
			return 'prev';
		case ' ':
		case 'Enter':
			return 'tap';
		default:
			return null;
	}
}
