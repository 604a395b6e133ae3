/**
 * What a page must never do, as checks the guard fixture (./fixtures.ts) applies to every test:
 * - violate its Content-Security-Policy: every `securitypolicyviolation` event, in the page and in any frame of it,
 *   is written to the console as one line starting with CSP_VIOLATION, and the guard fails the test on it (a
 *   violation inside a worker fires in the worker, where no init script runs: MapLibre's worker reports a fetch the
 *   policy refused as a map error, which the next check catches);
 * - show a broken map: StoryMap logs MapLibre's `error` events as `console.warn('map:', …)` (a failed style
 *   property, source or layer), and MapLibre itself warns about expressions that cannot be evaluated and layers it
 *   cannot draw; isMapProblem() recognises both.
 */
import type { BrowserContext } from '@playwright/test';

/** Start of the console line written for each Content-Security-Policy violation. */
export const CSP_VIOLATION = 'securitypolicyviolation:';

declare global {
	interface Window {
		/** Every violation the page saw, as the lines written to the console. */
		__cspViolations?: string[];
	}
}

/**
 * Call before the context opens a page: every document of the context (frames included) reports its Content-Security-
 * Policy violations. The listener is installed before any of the page's own scripts run.
 */
export async function watchPolicyViolations(context: BrowserContext): Promise<void> {
	await context.addInitScript((marker: string) => {
		const seen: string[] = (window.__cspViolations = []);
		window.addEventListener(
			'securitypolicyviolation',
			(event) => {
				const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}` : '';
				const sample = event.sample ? ` (${JSON.stringify(event.sample)})` : '';
				const line = `${marker} ${event.effectiveDirective} refused ${event.blockedURI || 'inline'}${sample}${where} on ${event.documentURI}`;
				seen.push(line);
				console.error(line);
			},
			true
		);
	}, CSP_VIOLATION);
}

/** The lines of console warnings that mean the map is broken, even though MapLibre goes on drawing the rest. */
const MAP_PROBLEMS = [
	// StoryMap: a MapLibre `error` event (invalid paint value or filter, a source or image that failed to load).
	/^map:/,
	// MapLibre: an expression that failed at evaluation (`layers.<id>.paint.<property>: Expected … Falling back to …`)
	// and the style validator's `layers.<id>…` messages.
	/^layers[.[]/,
	/Falling back to /,
	/Expected value to be /,
	/is trying to interpolate arrays of different lengths/,
	/^Image ".*" could not be loaded/,
	/^Failed to load font /,
	/^Unable to load glyph range /,
	/^Style sheet warning/,
	/^Unable to compute style diff/
];

export function isMapProblem(consoleText: string): boolean {
	return MAP_PROBLEMS.some((pattern) => pattern.test(consoleText));
}
