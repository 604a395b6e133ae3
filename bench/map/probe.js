/**
 * Runs in the page before its own scripts (Playwright addInitScript): finds every MapLibre map the page creates and
 * records what the bench counts, with times on the epoch clock (performance.timeOrigin + performance.now()), so they
 * line up with the network log and the trace:
 *
 * - `created`: when the Map constructor ran;
 * - `style`: the style it was given (a copy, before MapLibre inlines the GeoJSON it loads), to find its data files;
 * - events `render`, `idle`, `load`, `movestart`, `moveend`, `error`.
 *
 * MapLibre keeps no global and the page keeps its map to itself, so the map is caught in its constructor: the first
 * assignment of a property only MapLibre's Map sets (`this._crossSourceCollisions = …`) goes through a setter put on
 * Object.prototype, which makes the value an own property again and remembers the object. Nothing else changes.
 */
export function installMapProbe() {
	const now = () => performance.timeOrigin + performance.now();
	const EVENTS = ['render', 'idle', 'load', 'movestart', 'moveend', 'error'];
	/** @type {{ maps: any[], records: { created: number, style?: unknown, events: { type: string, t: number }[] }[], now: () => number }} */
	const probe = { maps: [], records: [], now };
	Object.defineProperty(window, '__benchMaps', { value: probe });
	// Ties the trace's clock to this one (bench/map/trace.js).
	performance.mark(`bench-clock:${now()}`);
	const KEY = '_crossSourceCollisions';
	Object.defineProperty(Object.prototype, KEY, {
		configurable: true,
		get() {
			return undefined;
		},
		set(value) {
			Object.defineProperty(this, KEY, { value, writable: true, configurable: true, enumerable: true });
			if (typeof this.on !== 'function' || typeof this.getCanvas !== 'function') return;
			/** @type {{ created: number, style?: unknown, events: { type: string, t: number }[] }} */
			const record = { created: now(), events: [] };
			const setStyle = this.setStyle;
			this.setStyle = function (/** @type {unknown} */ style, /** @type {unknown[]} */ ...rest) {
				record.style ??= typeof style === 'string' ? style : JSON.parse(JSON.stringify(style));
				return setStyle.call(this, style, ...rest);
			};
			probe.maps.push(this);
			probe.records.push(record);
			for (const type of EVENTS) this.on(type, () => record.events.push({ type, t: now() }));
		}
	});
}
