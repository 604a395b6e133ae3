/**
 * The kiosk's playlist: the attract screen, then chapter 1 … N, then the attract screen again, for ever. A visitor can
 * pause, resume and move by chapter. A paused screen returns to the attract loop after `idleMs` without input, with a
 * countdown over the last seconds. While the story plays it needs no idle timer: it reaches the attract screen by
 * itself, and a visitor who is only watching is never interrupted by a warning.
 *
 * Pure logic over an injected clock (tests use fake timers): it knows nothing of the DOM, the map or the story's
 * content, only how many chapters there are and how long each stays. At most one timer of each kind is pending at any
 * time, and a listener that throws never stops the loop.
 */

/** The position of the attract screen (title and an invitation to touch), before chapter 0. */
export const ATTRACT = -1;

/** The shortest time a screen stays, whatever it is given: a zero or broken dwell must not spin the loop. */
export const MIN_DWELL_MS = 100;
/** The countdown before a reset lasts this long, or half the idle time when that is shorter. */
export const WARNING_MS = 10_000;

export interface Clock {
	/** Milliseconds, monotonic. */
	now(): number;
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
	now: () => performance.now(),
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

export interface KioskState {
	/** ATTRACT, or the index of the chapter on screen. */
	position: number;
	paused: boolean;
	/** How long this screen stays in all, and how much of that was left when the state was taken. */
	dwellMs: number;
	remainingMs: number;
	/** Whole seconds until the reset while the idle warning shows; null otherwise. */
	countdown: number | null;
	/** Counts every arrival on a screen, so the same chapter shown again is a new visit (restarts its progress bar). */
	visit: number;
	/** How many times the attract screen has come round (1 on the first). */
	loops: number;
}

export interface PlayerOptions {
	chapterCount: number;
	attractMs: number;
	/** Dwell of each chapter, by index. */
	chapterMs: readonly number[];
	idleMs: number;
	clock?: Clock;
	onChange: (state: KioskState) => void;
	/** Called on every arrival at the attract screen: the start of a loop, the one moment a new version may take over. */
	onLoopStart?: (state: KioskState) => void;
}

export type KioskPlayer = ReturnType<typeof createKioskPlayer>;

export function createKioskPlayer(options: PlayerOptions) {
	const { chapterCount, idleMs, clock = systemClock } = options;
	const warningMs = Math.min(WARNING_MS, idleMs / 2);

	let position = ATTRACT;
	let paused = false;
	let visit = 0;
	let loops = 0;
	let dwellMs = 0;
	/** When the current screen ends (while playing) and how much of it is left (while paused). */
	let deadline = 0;
	let pausedRemaining = 0;
	let resetAt = 0;
	let countdown: number | null = null;
	let screenTimer: unknown;
	let idleTimer: unknown;
	let countdownTimer: unknown;

	const dwellOf = (at: number) => {
		const ms = at === ATTRACT ? options.attractMs : options.chapterMs[at];
		return Number.isFinite(ms) ? Math.max(MIN_DWELL_MS, ms) : MIN_DWELL_MS;
	};
	/** Positions wrap round: after the last chapter comes the attract screen. */
	const wrap = (at: number) => ((((at + 1) % (chapterCount + 1)) + chapterCount + 1) % (chapterCount + 1)) - 1;
	const remaining = () => (paused ? pausedRemaining : Math.max(0, deadline - clock.now()));

	function state(): KioskState {
		return { position, paused, dwellMs, remainingMs: remaining(), countdown, visit, loops };
	}

	function safely(listener: ((state: KioskState) => void) | undefined) {
		if (!listener) return;
		try {
			listener(state());
		} catch (error) {
			console.warn('kiosk: a listener failed; the loop goes on.', error);
		}
	}

	function clear(handle: unknown) {
		if (handle !== undefined) clock.clearTimeout(handle);
	}

	function runScreenTimer(ms: number) {
		clear(screenTimer);
		deadline = clock.now() + ms;
		screenTimer = clock.setTimeout(advance, ms);
	}

	function stopIdleTimer() {
		countdown = null;
		clear(idleTimer);
		clear(countdownTimer);
		idleTimer = countdownTimer = undefined;
	}

	/** Input arrived: take down any countdown, and while paused start the idle time again from now. */
	function afterInput() {
		stopIdleTimer();
		if (!paused) return;
		resetAt = clock.now() + idleMs;
		idleTimer = clock.setTimeout(tickCountdown, idleMs - warningMs);
	}

	/** Arrive at a screen (the caller tells the listener). The attract screen always plays: an idle kiosk returns there. */
	function show(at: number) {
		position = at;
		visit++;
		dwellMs = dwellOf(at);
		if (at === ATTRACT) {
			loops++;
			paused = false;
			stopIdleTimer();
		}
		if (paused) {
			clear(screenTimer);
			screenTimer = undefined;
			pausedRemaining = dwellMs;
		} else runScreenTimer(dwellMs);
		if (at === ATTRACT) safely(options.onLoopStart);
	}

	function advance() {
		screenTimer = undefined;
		show(wrap(position + 1));
		safely(options.onChange);
	}

	function tickCountdown() {
		idleTimer = countdownTimer = undefined;
		const left = resetAt - clock.now();
		if (left <= 0) {
			show(ATTRACT);
			return safely(options.onChange);
		}
		countdown = Math.ceil(left / 1000);
		// Tick again when the whole second shown changes.
		countdownTimer = clock.setTimeout(tickCountdown, left - (countdown - 1) * 1000);
		safely(options.onChange);
	}

	function pauseNow() {
		if (paused || position === ATTRACT) return;
		pausedRemaining = remaining();
		clear(screenTimer);
		screenTimer = undefined;
		paused = true;
	}

	function resumeNow() {
		if (!paused) return;
		paused = false;
		runScreenTimer(pausedRemaining);
	}

	/** A visitor's action: do it, restart the idle time, show the result. */
	function act(action: () => void) {
		action();
		afterInput();
		safely(options.onChange);
	}

	return {
		get state() {
			return state();
		},
		/** Start on the attract screen. */
		start() {
			show(ATTRACT);
			safely(options.onChange);
		},
		/** Stop every timer (the page is going away). */
		stop() {
			for (const handle of [screenTimer, idleTimer, countdownTimer]) clear(handle);
			screenTimer = idleTimer = countdownTimer = undefined;
		},
		next() {
			act(() => show(wrap(position + 1)));
		},
		/** Back one chapter; on the first chapter (or the attract screen) it stays: going back never jumps to the end. */
		prev() {
			act(() => {
				if (position > 0) show(position - 1);
			});
		},
		/** A tap: on the attract screen it begins the story, on a chapter it pauses or resumes, and while the countdown
		 * shows it only says "still here". */
		tap() {
			const warned = countdown !== null;
			act(() => {
				if (warned) return;
				if (position === ATTRACT) show(0);
				else if (paused) resumeNow();
				else pauseNow();
			});
		},
		pause() {
			act(pauseNow);
		},
		resume() {
			act(resumeNow);
		},
		/** Input that is no action (a press, a drag): the visitor is still here. */
		activity() {
			if (paused || countdown !== null) act(() => {});
		}
	};
}
