/**
 * The two auto-height protocols a newsroom's parent script speaks, from the embedded (child) side.
 *
 * pym.js 1.x: messages are strings, `pym`, frame id, type and payload joined by `xPYMx`
 * (`pymxPYMx<id>xPYMxheightxPYMx812`). The parent names the frame in the iframe URL (`?childId=…`); the child sends
 * `height`, the parent sends `width` when the page resizes.
 *
 * @newswire/frames 1.x (AMP's iframe resize message): the child sends `{ sentinel: 'amp', type: 'embed-size', height }`;
 * a parent that starts watching an iframe already loaded sends `{ sentinel: 'amp', type: 'frames-init' }` and expects
 * the current height in answer.
 *
 * Incoming messages are checked strictly: anything that is not exactly one of these shapes is not one of them.
 */
export const PYM_DELIMITER = 'xPYMx';

/** Longest frame id accepted from the URL (pym's own ids are like `pym-0-abcde` or the host element's id). */
const MAX_PYM_ID_LENGTH = 200;

export function pymMessage(frameId: string, type: string, payload: string): string {
	return ['pym', frameId, type, payload].join(PYM_DELIMITER);
}

/** The frame id a pym.js parent gave this iframe (`?childId=`), when it is one that can travel in a message. */
export function pymFrameId(search: URLSearchParams): string | undefined {
	const id = search.get('childId');
	if (!id || id.length > MAX_PYM_ID_LENGTH || /\s/.test(id) || id.includes(PYM_DELIMITER)) return undefined;
	return id;
}

/** A pym message addressed to this frame, exactly `pymxPYMx<frameId>xPYMx<type>xPYMx<payload>`; otherwise undefined. */
export function parsePymMessage(data: unknown, frameId: string): { type: string; payload: string } | undefined {
	if (typeof data !== 'string') return undefined;
	const prefix = `pym${PYM_DELIMITER}${frameId}${PYM_DELIMITER}`;
	if (!data.startsWith(prefix)) return undefined;
	const parts = data.slice(prefix.length).split(PYM_DELIMITER);
	if (parts.length !== 2) return undefined;
	const [type, payload] = parts;
	if (!/^\S+$/.test(type)) return undefined;
	return { type, payload };
}

/** The width in a pym `width` message to this frame (the parent's container width in pixels). */
export function parsePymWidth(data: unknown, frameId: string): number | undefined {
	const message = parsePymMessage(data, frameId);
	if (message?.type !== 'width' || !/^\d{1,6}$/.test(message.payload)) return undefined;
	return Number(message.payload);
}

export const AMP_SENTINEL = 'amp';

export interface FramesSizeMessage {
	sentinel: typeof AMP_SENTINEL;
	type: 'embed-size';
	height: number;
}

export function framesSizeMessage(height: number): FramesSizeMessage {
	return { sentinel: AMP_SENTINEL, type: 'embed-size', height };
}

/** True only for `{ sentinel: 'amp', type: 'frames-init' }`, with no other keys. */
export function isFramesInit(data: unknown): boolean {
	return hasExactKeys(data, ['sentinel', 'type']) && data.sentinel === AMP_SENTINEL && data.type === 'frames-init';
}

/** A plain object (as postMessage delivers one) whose own keys are exactly `keys`. */
export function hasExactKeys<K extends string>(data: unknown, keys: readonly K[]): data is Record<K, unknown> {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
	const proto = Object.getPrototypeOf(data);
	if (proto !== Object.prototype && proto !== null) return false;
	const own = Object.keys(data);
	return own.length === keys.length && keys.every((key) => Object.hasOwn(data, key));
}
