import { describe, expect, it } from 'vitest';
import { GESTURES, gestureAction, KEYS, keyAction } from '$lib/input/step-input';

const at = (x: number, y: number, time = 0) => ({ x, y, time });
const press = (key: string, extra: Partial<KeyboardEvent> = {}) => ({
	key,
	altKey: false,
	ctrlKey: false,
	metaKey: false,
	shiftKey: false,
	defaultPrevented: false,
	target: null,
	...extra
});

describe('keys', () => {
	it('scroll page: down keys and j are next, up keys and k previous', () => {
		expect(['ArrowDown', 'PageDown', 'j'].map((k) => keyAction(press(k), KEYS.scroll))).toEqual(['next', 'next', 'next']);
		expect(['ArrowUp', 'PageUp', 'k'].map((k) => keyAction(press(k), KEYS.scroll))).toEqual(['prev', 'prev', 'prev']);
		expect(keyAction(press(' '), KEYS.scroll)).toBeNull();
	});

	it('embed: ArrowRight/j is next, ArrowLeft/k previous; vertical keys are left to the host page', () => {
		expect(keyAction(press('ArrowRight'), KEYS.embed)).toBe('next');
		expect(keyAction(press('k'), KEYS.embed)).toBe('prev');
		for (const other of ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', ' ', 'Home']) expect(keyAction(press(other), KEYS.embed), other).toBeNull();
	});

	it('kiosk: arrows and page keys move, space and Enter tap', () => {
		expect(['ArrowRight', 'ArrowDown', 'PageDown'].map((k) => keyAction(press(k), KEYS.kiosk))).toEqual(['next', 'next', 'next']);
		expect(['ArrowLeft', 'ArrowUp', 'PageUp'].map((k) => keyAction(press(k), KEYS.kiosk))).toEqual(['prev', 'prev', 'prev']);
		expect([' ', 'Enter'].map((k) => keyAction(press(k), KEYS.kiosk))).toEqual(['tap', 'tap']);
	});

	it('ignores keys with modifiers, handled ones, typing in a field, and names from the object prototype', () => {
		for (const modifier of ['altKey', 'ctrlKey', 'metaKey', 'shiftKey', 'defaultPrevented'] as const) {
			expect(keyAction(press('ArrowDown', { [modifier]: true }), KEYS.scroll), modifier).toBeNull();
		}
		const field = { closest: (selector: string) => (selector.includes('input') ? {} : null) } as unknown as EventTarget;
		expect(keyAction(press('j', { target: field }), KEYS.scroll)).toBeNull();
		expect(keyAction(press('constructor'), KEYS.kiosk)).toBeNull();
	});
});

describe('gestures', () => {
	it('embed: a swipe left is next, right previous; taps, vertical scrolls and diagonals are nothing', () => {
		const swipe = (dx: number, dy: number) => gestureAction(at(300, 300), at(300 + dx, 300 + dy, 100), GESTURES.embed);
		expect(swipe(-80, 5)).toBe('next');
		expect(swipe(80, -10)).toBe('prev');
		expect(swipe(-30, 0)).toBeNull();
		expect(swipe(5, -200)).toBeNull();
		expect(swipe(-80, 70)).toBeNull();
		expect(swipe(2, 1)).toBeNull();
	});

	it('kiosk: a short still press is a tap; a long one is nothing', () => {
		expect(gestureAction(at(100, 100), at(104, 103, 150), GESTURES.kiosk)).toBe('tap');
		expect(gestureAction(at(100, 100), at(100, 100, 2000), GESTURES.kiosk)).toBeNull();
	});

	it('kiosk: a quick swipe left or up is next, right or down previous', () => {
		const d = GESTURES.kiosk.minDistance + 10;
		expect(gestureAction(at(500, 300), at(500 - d, 310, 200), GESTURES.kiosk)).toBe('next');
		expect(gestureAction(at(500, 300), at(500 + d, 290, 200), GESTURES.kiosk)).toBe('prev');
		expect(gestureAction(at(500, 600), at(505, 600 - d, 200), GESTURES.kiosk)).toBe('next');
		expect(gestureAction(at(500, 600), at(495, 600 + d, 200), GESTURES.kiosk)).toBe('prev');
	});

	it('kiosk: a short, slow or diagonal movement is no swipe', () => {
		expect(gestureAction(at(500, 300), at(500 - (GESTURES.kiosk.minDistance - 5), 300, 200), GESTURES.kiosk)).toBeNull();
		expect(gestureAction(at(500, 300), at(300, 300, GESTURES.kiosk.maxMs + 1), GESTURES.kiosk)).toBeNull();
		expect(gestureAction(at(500, 300), at(400, 220, 200), GESTURES.kiosk)).toBeNull();
	});
});
