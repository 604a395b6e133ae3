/**
 * The kiosk's URL parameters. Installers try timings out with them and tests shorten them; a value that is not a
 * number in range falls back to the default, so a typo never leaves a screen stuck or racing.
 *
 *   ?dwell=SECONDS  every screen (attract and chapters) stays this long instead of its own dwell. 0.1 to 3600;
 *                   values under a second are for tests and the soak.
 *   ?idle=SECONDS   after a visitor's last touch, the story returns to the attract loop after this long. 2 to 3600.
 */
export const DEFAULT_IDLE_SECONDS = 45;
export const DWELL_RANGE = { min: 0.1, max: 3600 } as const;
export const IDLE_RANGE = { min: 2, max: 3600 } as const;

export interface KioskParams {
	/** Seconds every screen stays, when the URL sets it; otherwise each screen keeps its own dwell. */
	dwellSeconds?: number;
	idleSeconds: number;
}

export function parseKioskParams(search: URLSearchParams): KioskParams {
	return {
		dwellSeconds: secondsIn(search.get('dwell'), DWELL_RANGE),
		idleSeconds: secondsIn(search.get('idle'), IDLE_RANGE) ?? DEFAULT_IDLE_SECONDS
	};
}

function secondsIn(raw: string | null, range: { min: number; max: number }): number | undefined {
	if (raw === null || raw.trim() === '') return undefined;
	const value = Number(raw);
	return Number.isFinite(value) && value >= range.min && value <= range.max ? value : undefined;
}
