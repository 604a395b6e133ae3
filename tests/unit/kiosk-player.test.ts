import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ATTRACT, MIN_DWELL_MS, createKioskPlayer, type Clock, type KioskState } from '$lib/modes/kiosk/player';

/** The player on Vitest's fake timers: `vi.advanceTimersByTime` is the only way time passes. */
const fakeClock: Clock = {
	now: () => Date.now(),
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

function setup(overrides: Partial<Parameters<typeof createKioskPlayer>[0]> = {}) {
	const states: KioskState[] = [];
	const loopStarts: number[] = [];
	const player = createKioskPlayer({
		chapterCount: 3,
		attractMs: 5_000,
		chapterMs: [10_000, 20_000, 30_000],
		idleMs: 45_000,
		clock: fakeClock,
		onChange: (state) => states.push(state),
		onLoopStart: (state) => loopStarts.push(state.loops),
		...overrides
	});
	return { player, states, loopStarts, position: () => player.state.position };
}

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('the kiosk loop', () => {
	it('plays the attract screen, then every chapter for its dwell, then the attract screen again', () => {
		const { player, position } = setup();
		player.start();
		expect(position()).toBe(ATTRACT);
		vi.advanceTimersByTime(4_999);
		expect(position()).toBe(ATTRACT);
		vi.advanceTimersByTime(1);
		expect(position()).toBe(0);
		vi.advanceTimersByTime(10_000);
		expect(position()).toBe(1);
		vi.advanceTimersByTime(19_999);
		expect(position()).toBe(1);
		vi.advanceTimersByTime(1);
		expect(position()).toBe(2);
		vi.advanceTimersByTime(30_000);
		expect(position()).toBe(ATTRACT);
		expect(player.state.loops).toBe(2);
		vi.advanceTimersByTime(5_000);
		expect(position()).toBe(0);
	});

	it('tells each arrival at the attract screen (the start of a loop), and each screen is a new visit', () => {
		const { player, loopStarts, states } = setup();
		player.start();
		vi.advanceTimersByTime(5_000 + 60_000 + 5_000 + 60_000);
		expect(loopStarts).toEqual([1, 2, 3]);
		const visits = states.map((s) => s.visit);
		expect(new Set(visits).size).toBe(visits.length);
	});

	it('reports the dwell and the time left on the screen', () => {
		const { player } = setup();
		player.start();
		vi.advanceTimersByTime(5_000 + 4_000);
		expect(player.state).toMatchObject({ position: 0, dwellMs: 10_000, remainingMs: 6_000 });
	});

	it('keeps at least MIN_DWELL_MS on a screen given a zero or broken dwell, so the loop cannot spin', () => {
		const { player, position } = setup({ attractMs: 0, chapterMs: [Number.NaN, -5, 0] });
		player.start();
		vi.advanceTimersByTime(MIN_DWELL_MS - 1);
		expect(position()).toBe(ATTRACT);
		vi.advanceTimersByTime(1);
		expect(position()).toBe(0);
	});

	it('goes on when a listener throws', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const { player, position } = setup({
			onChange: (state) => {
				if (state.position === 1) throw new Error('a chapter failed to render');
			}
		});
		player.start();
		vi.advanceTimersByTime(5_000 + 10_000 + 20_000);
		expect(position()).toBe(2);
		expect(warn).toHaveBeenCalled();
		warn.mockRestore();
	});

	it('leaves no timer behind when stopped', () => {
		const { player } = setup();
		player.start();
		player.tap();
		player.tap();
		player.stop();
		expect(vi.getTimerCount()).toBe(0);
	});

	it('never has more than one screen timer and one idle timer pending, however a visitor presses', () => {
		const { player } = setup();
		player.start();
		for (let i = 0; i < 50; i++) {
			player.next();
			player.tap();
			player.prev();
			player.activity();
		}
		expect(vi.getTimerCount()).toBeLessThanOrEqual(2);
	});
});

describe('a visitor', () => {
	it('begins the story with a tap on the attract screen', () => {
		const { player, position } = setup();
		player.start();
		player.tap();
		expect(position()).toBe(0);
		expect(player.state.paused).toBe(false);
	});

	it('pauses with a tap and resumes with the time that was left', () => {
		const { player, position } = setup();
		player.start();
		vi.advanceTimersByTime(5_000 + 3_000);
		player.tap();
		expect(player.state).toMatchObject({ position: 0, paused: true, remainingMs: 7_000 });
		vi.advanceTimersByTime(30_000);
		expect(position()).toBe(0);
		player.tap();
		expect(player.state.paused).toBe(false);
		vi.advanceTimersByTime(6_999);
		expect(position()).toBe(0);
		vi.advanceTimersByTime(1);
		expect(position()).toBe(1);
	});

	it('moves by chapter, forward from the last chapter to the attract screen, never back from the first to the last, and a move keeps play or pause as it was', () => {
		const { player, position } = setup();
		player.start();
		player.prev();
		expect(position()).toBe(ATTRACT);
		player.next();
		expect(position()).toBe(0);
		player.prev();
		expect(position()).toBe(0);
		player.next();
		player.next();
		expect(position()).toBe(2);
		player.next();
		expect(position()).toBe(ATTRACT);
		player.next();
		player.pause();
		player.next();
		expect(player.state).toMatchObject({ position: 1, paused: true, remainingMs: 20_000 });
		player.resume();
		vi.advanceTimersByTime(20_000);
		expect(position()).toBe(2);
	});

	it('restarts the new chapter’s full dwell after a move', () => {
		const { player, position } = setup();
		player.start();
		player.next();
		vi.advanceTimersByTime(9_000);
		player.next();
		vi.advanceTimersByTime(19_999);
		expect(position()).toBe(1);
		vi.advanceTimersByTime(1);
		expect(position()).toBe(2);
	});
});

describe('idle reset', () => {
	it('after idleMs without input while paused, counts down over the last seconds, then returns to the attract loop', () => {
		const { player, position } = setup({ idleMs: 45_000 });
		player.start();
		player.tap();
		player.tap();
		expect(player.state.paused).toBe(true);
		vi.advanceTimersByTime(34_999);
		expect(player.state.countdown).toBeNull();
		vi.advanceTimersByTime(1);
		expect(player.state.countdown).toBe(10);
		vi.advanceTimersByTime(1_000);
		expect(player.state.countdown).toBe(9);
		vi.advanceTimersByTime(8_000);
		expect(player.state.countdown).toBe(1);
		expect(position()).toBe(0);
		vi.advanceTimersByTime(1_000);
		expect(player.state).toMatchObject({ position: ATTRACT, paused: false, countdown: null });
		vi.advanceTimersByTime(5_000);
		expect(position()).toBe(0);
	});

	it('warns for half the idle time when that is shorter than ten seconds', () => {
		const { player } = setup({ idleMs: 6_000 });
		player.start();
		player.tap();
		player.tap();
		vi.advanceTimersByTime(3_000);
		expect(player.state.countdown).toBe(3);
	});

	it('starts the idle time again on any input; a tap during the countdown only dismisses it', () => {
		const { player, position } = setup({ idleMs: 20_000 });
		player.start();
		player.tap();
		player.tap();
		vi.advanceTimersByTime(15_000);
		player.activity();
		vi.advanceTimersByTime(9_999);
		expect(player.state.countdown).toBeNull();
		vi.advanceTimersByTime(2_001);
		expect(player.state.countdown).toBe(8);
		player.tap();
		expect(player.state).toMatchObject({ countdown: null, paused: true, position: 0 });
		vi.advanceTimersByTime(19_999);
		expect(position()).toBe(0);
		vi.advanceTimersByTime(1);
		expect(position()).toBe(ATTRACT);
	});

	it('does not interrupt a story that plays: a visitor who only watches never sees the warning', () => {
		const { player, states } = setup({ idleMs: 4_000 });
		player.start();
		player.tap();
		vi.advanceTimersByTime(120_000);
		expect(states.every((s) => s.countdown === null)).toBe(true);
	});
});
