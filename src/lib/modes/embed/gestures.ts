/**
 * How a reader moves between the embed's chapters besides its buttons: a horizontal swipe, or a key. Vertical
 * gestures and PageUp/PageDown are left alone, so the host page scrolls as it always does.
 */

/** Horizontal travel (CSS px) a swipe needs, and how much more horizontal than vertical it must be. */
export const SWIPE_MIN_DISTANCE = 50;
const SWIPE_SLOPE = 1.5;

/** +1 (next) for a swipe to the left, -1 (previous) to the right, 0 for a tap, a scroll or anything diagonal. */
export function swipeDirection(dx: number, dy: number): -1 | 0 | 1 {
	if (Math.abs(dx) < SWIPE_MIN_DISTANCE || Math.abs(dx) < SWIPE_SLOPE * Math.abs(dy)) return 0;
	return dx < 0 ? 1 : -1;
}

type KeyLike = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'defaultPrevented' | 'target'>;

/** ArrowRight or j → +1, ArrowLeft or k → -1; 0 for other keys, with modifiers, or when typing in a field. */
export function embedKeyDirection(event: KeyLike): -1 | 0 | 1 {
	if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return 0;
	const target = event.target as { closest?: (selector: string) => unknown } | null;
	if (target?.closest?.('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return 0;
	switch (event.key) {
		case 'ArrowRight':
		case 'j':
			return 1;
		case 'ArrowLeft':
		case 'k':
			return -1;
		default:
			return 0;
	}
}
