/**
 * What a reader's key or touch means, for every mode: one function each for keys and gestures, and a table per mode.
 * Pure: the pages feed in key events and pointer positions.
 */

/** `next`/`prev` move one chapter; `tap` is the kiosk's pause and resume. */
export type StepAction = 'next' | 'prev' | 'tap';

export type KeyTable = Readonly<Record<string, StepAction>>;

export const KEYS = {
	/** Down the page: the arrows, page keys and j/k as in feed readers. */
	scroll: { ArrowDown: 'next', PageDown: 'next', j: 'next', ArrowUp: 'prev', PageUp: 'prev', k: 'prev' },
	/** Sideways only: the host page keeps its vertical keys and PageUp/PageDown. */
	embed: { ArrowRight: 'next', j: 'next', ArrowLeft: 'prev', k: 'prev' },
	/** Any arrow or page key; space and Enter do what a tap does. */
	kiosk: {
		ArrowRight: 'next',
		ArrowDown: 'next',
		PageDown: 'next',
		ArrowLeft: 'prev',
		ArrowUp: 'prev',
		PageUp: 'prev',
		' ': 'tap',
		Enter: 'tap'
	}
} as const satisfies Record<string, KeyTable>;

type KeyLike = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'defaultPrevented' | 'target'>;

/** The key's action in `table`; none with a modifier, for a handled event, or while typing in a field. */
export function keyAction(event: KeyLike, table: KeyTable): StepAction | null {
	if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return null;
	const target = event.target as { closest?: (selector: string) => unknown } | null;
	if (target?.closest?.('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return null;
	return Object.hasOwn(table, event.key) ? table[event.key] : null;
}

export interface PointerSample {
	x: number;
	y: number;
	/** Milliseconds (event.timeStamp). */
	time: number;
}

export interface GestureRules {
	/** A swipe travels at least this far (CSS px) along its main axis… */
	minDistance: number;
	/** …at least this many times further than across it… */
	directness: number;
	/** …within this long (ms), when set: a slower drag is a hand resting, not a gesture. */
	maxMs?: number;
	/** Horizontal swipes only (vertical ones scroll the page), or both axes. */
	axes: 'horizontal' | 'both';
	/** A press that moves less than `slop` px and lifts within `maxMs` is a tap, when set. */
	tap?: { slop: number; maxMs: number };
}

export const GESTURES = {
	embed: { minDistance: 50, directness: 1.5, axes: 'horizontal' },
	kiosk: { minDistance: 60, directness: 1.5, maxMs: 1000, axes: 'both', tap: { slop: 12, maxMs: 600 } }
} as const satisfies Record<string, GestureRules>;

/**
 * A press and release as an action: a swipe left (or up, where both axes count) is the next chapter, right or down
 * the previous one. A tap is `tap` where the rules have taps; anything else (a slow drag, a diagonal smear, a long
 * press, a vertical scroll) is no action.
 */
export function gestureAction(start: PointerSample, end: PointerSample, rules: GestureRules): StepAction | null {
	const dx = end.x - start.x;
	const dy = end.y - start.y;
	const duration = end.time - start.time;
	if (rules.tap && Math.hypot(dx, dy) < rules.tap.slop) return duration <= rules.tap.maxMs ? 'tap' : null;
	if (rules.maxMs !== undefined && duration > rules.maxMs) return null;
	const [along, across] = rules.axes === 'horizontal' || Math.abs(dx) >= Math.abs(dy) ? [dx, dy] : [dy, dx];
	if (Math.abs(along) < rules.minDistance || Math.abs(along) < rules.directness * Math.abs(across)) return null;
	return along < 0 ? 'next' : 'prev';
}
