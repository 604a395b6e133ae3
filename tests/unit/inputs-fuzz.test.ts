/**
 * Property-based tests (fast-check) of everything the pages read from outside: the embed's `?step=` / `?steps=`, the
 * pym frame id `?childId=`, the kiosk's `?dwell=` / `?idle=`, and every postMessage the embed handles (pym, frames,
 * the `story-map:go` command). Any string or object gives a valid state or is ignored: a selection of chapters the
 * story has, seconds in range, a height message of the documented shape; never a value from the input itself.
 *
 * Chapter ids are generated, not read from a story. Bounded: a few hundred runs of cheap functions, a second or two.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_PARAM_LENGTH, selectChapters, selectionQuery } from '$lib/modes/embed/selection';
import { DEFAULT_IDLE_SECONDS, DWELL_RANGE, IDLE_RANGE, parseKioskParams } from '$lib/modes/kiosk/params';
import { AMP_SENTINEL, PYM_DELIMITER, isFramesInit, parsePymMessage, parsePymWidth, pymFrameId } from '$lib/modes/embed/protocol';
import { GO_COMMAND, parseGoCommand } from '$lib/modes/embed/events';
import { createHostLink } from '$lib/modes/embed/host-link';

const RUNS = 300;

const HOSTILE = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'javascript:alert(1)',
	'%3Cscript%3E',
	'\u0000',
	'\u202e',
	'\ud800',
	'__proto__',
	'constructor',
	'toString',
	',,,',
	' ',
	PYM_DELIMITER,
	'pym'
];

const hostileString = fc.oneof(
	fc.constantFrom(...HOSTILE),
	fc.string({ unit: 'binary', maxLength: 20 }),
	fc.string({ unit: fc.constantFrom(...HOSTILE, 'a', '-', ',', '=', '&', '1', '.'), maxLength: 10 })
);

/** Kebab-case ids, as the validator allows for chapters. */
const chapterId = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}$/);
const chapterIds = fc.uniqueArray(chapterId, { minLength: 1, maxLength: 8 });

/** A value that is sometimes one of `ids`, otherwise anything a URL or a message could carry. */
const maybeKnown = (ids: string[]) => fc.oneof(fc.constantFrom(...ids), hostileString, fc.constantFrom(...ids).map((id) => ` ${id.toUpperCase()} `));

describe('embed selection from ?step= and ?steps=', () => {
	it('any query gives the whole story, one chapter or a sequence of the story’s own chapters', () => {
		const query = (ids: string[]) =>
			fc.oneof(
				hostileString,
				fc.tuple(maybeKnown(ids), fc.array(maybeKnown(ids), { maxLength: 5 }), fc.boolean(), fc.boolean()).map(([step, steps, withStep, withSteps]) => {
					const search = new URLSearchParams();
					if (withStep) search.set('step', step);
					if (withSteps) search.set('steps', steps.join(','));
					return search.toString();
				}),
				fc.constantFrom(...ids).map((id) => `steps=${`${id},`.repeat(Math.ceil(MAX_PARAM_LENGTH / (id.length + 1)) + 1)}`)
			);
		fc.assert(
			fc.property(
				chapterIds.chain((ids) => fc.tuple(fc.constant(ids), query(ids))),
				([ids, search]) => {
					const selection = selectChapters(new URLSearchParams(search), ids);
					const known = new Set(ids);
					expect(selection.ids.every((id) => known.has(id))).toBe(true);
					expect(new Set(selection.ids).size).toBe(selection.ids.length);
					if (selection.kind === 'story') expect(selection.ids).toEqual(ids);
					if (selection.kind === 'chapter') expect(selection.ids).toHaveLength(1);
					if (selection.kind === 'sequence') expect(selection.ids.length).toBeGreaterThan(1);
				}
			),
			{ numRuns: RUNS }
		);
	});

	it('the builder’s query for any choice of chapters selects exactly those chapters', () => {
		fc.assert(
			fc.property(
				chapterIds.chain((ids) => fc.tuple(fc.constant(ids), fc.shuffledSubarray(ids, { minLength: 1 }))),
				([ids, chosen]) => {
					const selection = selectChapters(new URLSearchParams(selectionQuery(chosen, ids)), ids);
					expect(selection.ids).toEqual(chosen.length === ids.length && chosen.every((id, i) => id === ids[i]) ? ids : chosen);
				}
			),
			{ numRuns: RUNS }
		);
	});
});

describe('kiosk timings from ?dwell= and ?idle=', () => {
	it('any value gives seconds in range or the default', () => {
		const value = fc.oneof(hostileString, fc.double().map(String), fc.integer().map(String), fc.constantFrom('1e3', '0x10', ' 5 ', 'Infinity', '-0', '3600.0000001', '0.1'));
		fc.assert(
			fc.property(fc.option(value), fc.option(value), (dwell, idle) => {
				const search = new URLSearchParams();
				if (dwell !== null) search.set('dwell', dwell);
				if (idle !== null) search.set('idle', idle);
				const { dwellSeconds, idleSeconds } = parseKioskParams(search);
				if (dwellSeconds !== undefined) {
					expect(Number.isFinite(dwellSeconds)).toBe(true);
					expect(dwellSeconds).toBeGreaterThanOrEqual(DWELL_RANGE.min);
					expect(dwellSeconds).toBeLessThanOrEqual(DWELL_RANGE.max);
				}
				expect(Number.isFinite(idleSeconds)).toBe(true);
				expect(idleSeconds === DEFAULT_IDLE_SECONDS || (idleSeconds >= IDLE_RANGE.min && idleSeconds <= IDLE_RANGE.max)).toBe(true);
			}),
			{ numRuns: RUNS }
		);
	});
});

// ---------------------------------------------------------------------------------------------------------------------
// Messages: near misses of every shape the embed answers, and anything else postMessage can deliver.

const FRAME_ID = 'pym-frame-1';

const pymString = fc
	.tuple(
		fc.constantFrom('pym', 'PYM', 'pymx', ''),
		fc.constantFrom(FRAME_ID, 'other-frame', '', `${FRAME_ID} `),
		fc.constantFrom('width', 'height', 'WIDTH', 'width ', '', 'navigateTo'),
		fc.oneof(fc.nat({ max: 10_000_000 }).map(String), hostileString, fc.constantFrom('-1', '1.5', '1e3', ' 800', '0800', '')),
		fc.array(hostileString, { maxLength: 2 })
	)
	.map(([pym, id, type, payload, extra]) => [pym, id, type, payload, ...extra].join(PYM_DELIMITER));

const objectLike = (keys: Record<string, fc.Arbitrary<unknown>>) =>
	fc.tuple(fc.record(keys, { requiredKeys: [] }), fc.dictionary(hostileString, fc.anything(), { maxKeys: 2 })).map(([known, extra]) => ({ ...extra, ...known }));

const message = (ids: string[]) =>
	fc.oneof(
		fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withTypedArray: true, withDate: true, withBigInt: true }),
		hostileString,
		pymString,
		objectLike({ sentinel: fc.constantFrom(AMP_SENTINEL, 'AMP', '', null), type: fc.constantFrom('frames-init', 'embed-size', 'frames-init ', 'init') }),
		objectLike({ type: fc.constantFrom(GO_COMMAND, 'story-map:chapter', 'story-map:GO'), id: fc.oneof(fc.constantFrom(...ids), fc.anything(), hostileString) }),
		fc.constantFrom(...ids).map((id) => Object.assign(Object.create({ inherited: true }), { type: GO_COMMAND, id })),
		fc.constantFrom(...ids).map((id) => [GO_COMMAND, id])
	);

describe('postMessage handlers', () => {
	it('pym and frames parsers return a documented shape or nothing, whatever arrives', () => {
		fc.assert(
			fc.property(message(['a']), (data) => {
				const pym = parsePymMessage(data, FRAME_ID);
				if (pym) {
					expect(pym.type).toMatch(/^\S+$/);
					expect(pym.payload).not.toContain(PYM_DELIMITER);
				}
				const width = parsePymWidth(data, FRAME_ID);
				if (width !== undefined) expect(Number.isInteger(width) && width >= 0 && width < 1e6).toBe(true);
				if (isFramesInit(data)) expect(data).toEqual({ sentinel: AMP_SENTINEL, type: 'frames-init' });
			}),
			{ numRuns: RUNS }
		);
	});

	it('a pym frame id from the URL is one that can travel in a message, or none', () => {
		fc.assert(
			fc.property(fc.oneof(hostileString, fc.string({ maxLength: 300 })), (childId) => {
				const search = new URLSearchParams({ childId });
				const id = pymFrameId(search);
				if (id !== undefined) {
					expect(id).toBe(search.get('childId'));
					expect(id).not.toMatch(/\s/);
					expect(id).not.toContain(PYM_DELIMITER);
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('the go command names a chapter the embed shows, or is ignored', () => {
		fc.assert(
			fc.property(
				chapterIds.chain((ids) => fc.tuple(fc.constant(ids), message(ids))),
				([ids, data]) => {
					const id = parseGoCommand(data, ids);
					if (id !== undefined) expect(ids).toContain(id);
				}
			),
			{ numRuns: RUNS }
		);
	});

	it('the host link answers only its host, only with a height, and goes only to a shown chapter', () => {
		fc.assert(
			fc.property(
				chapterIds.chain((ids) => fc.tuple(fc.constant(ids), fc.array(fc.tuple(message(ids), fc.boolean()), { minLength: 1, maxLength: 6 }))),
				fc.option(fc.constant(FRAME_ID)),
				([ids, events], pymId) => {
					const sent: unknown[] = [];
					const went: string[] = [];
					const host = { postMessage: (data: unknown) => sent.push(data) };
					const link = createHostLink({ host, pymId: pymId ?? undefined, storyId: 'a-story', measure: () => 640.4, shownIds: () => ids, onGo: (id) => went.push(id) });
					for (const [data, fromHost] of events) link.receive({ source: fromHost ? host : {}, data });
					for (const id of went) expect(ids).toContain(id);
					for (const data of sent) {
						const isFrames = typeof data === 'object' && JSON.stringify(data) === JSON.stringify({ sentinel: AMP_SENTINEL, type: 'embed-size', height: 641 });
						const isPym = data === ['pym', FRAME_ID, 'height', '641'].join(PYM_DELIMITER);
						expect(isFrames || (isPym && pymId !== null), JSON.stringify(data)).toBe(true);
					}
					if (!events.some(([, fromHost]) => fromHost)) expect([...sent, ...went]).toEqual([]);
				}
			),
			{ numRuns: RUNS }
		);
	});
});
