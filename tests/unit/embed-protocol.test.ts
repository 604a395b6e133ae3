import { describe, expect, it } from 'vitest';
import { framesSizeMessage, hasExactKeys, isFramesInit, parsePymMessage, parsePymWidth, pymFrameId, pymMessage } from '$lib/modes/embed/protocol';

describe('pym.js child protocol', () => {
	it('writes messages exactly as pym.js 1.3 does', () => {
		expect(pymMessage('story-map', 'height', '812')).toBe('pymxPYMxstory-mapxPYMxheightxPYMx812');
	});

	it('reads the frame id pym.js puts in the URL, when it can travel in a message', () => {
		expect(pymFrameId(new URLSearchParams('?initialWidth=640&childId=pym-0-ab12c'))).toBe('pym-0-ab12c');
		expect(pymFrameId(new URLSearchParams(''))).toBeUndefined();
		expect(pymFrameId(new URLSearchParams('?childId='))).toBeUndefined();
		expect(pymFrameId(new URLSearchParams('?childId=a%20b'))).toBeUndefined();
		expect(pymFrameId(new URLSearchParams('?childId=axPYMxb'))).toBeUndefined();
		expect(pymFrameId(new URLSearchParams(`?childId=${'a'.repeat(201)}`))).toBeUndefined();
	});

	it('parses a message to this frame and nothing else', () => {
		expect(parsePymMessage('pymxPYMxstory-mapxPYMxwidthxPYMx640', 'story-map')).toEqual({ type: 'width', payload: '640' });
		expect(parsePymMessage('pymxPYMxstory-mapxPYMxviewport-iframe-positionxPYMx1 2 3', 'story-map')).toEqual({
			type: 'viewport-iframe-position',
			payload: '1 2 3'
		});
		for (const data of [
			'pymstory-mapxPYMxwidthxPYMx640',
			'pymxPYMxotherxPYMxwidthxPYMx640',
			'pymxPYMxstory-map-2xPYMxwidthxPYMx640',
			'pymxPYMxstory-mapxPYMxwidth',
			'pymxPYMxstory-mapxPYMxwidthxPYMx640xPYMxmore',
			'pymxPYMxstory-mapxPYMxwi dthxPYMx640',
			'xpymxPYMxstory-mapxPYMxwidthxPYMx640',
			{ toString: () => 'pymxPYMxstory-mapxPYMxwidthxPYMx640' },
			null,
			640
		])
			expect(parsePymMessage(data, 'story-map'), String(data)).toBeUndefined();
	});

	it('reads a width only from a width message with a number of pixels', () => {
		expect(parsePymWidth('pymxPYMxfxPYMxwidthxPYMx768', 'f')).toBe(768);
		expect(parsePymWidth('pymxPYMxfxPYMxheightxPYMx768', 'f')).toBeUndefined();
		expect(parsePymWidth('pymxPYMxfxPYMxwidthxPYMx768px', 'f')).toBeUndefined();
		expect(parsePymWidth('pymxPYMxfxPYMxwidthxPYMx', 'f')).toBeUndefined();
		expect(parsePymWidth('pymxPYMxfxPYMxwidthxPYMx-1', 'f')).toBeUndefined();
	});
});

describe('@newswire/frames protocol', () => {
	it('sends the AMP embed-size message', () => {
		expect(framesSizeMessage(640)).toEqual({ sentinel: 'amp', type: 'embed-size', height: 640 });
	});

	it('recognises exactly the frames-init handshake', () => {
		expect(isFramesInit({ sentinel: 'amp', type: 'frames-init' })).toBe(true);
		for (const data of [
			{ sentinel: 'amp', type: 'frames-init', height: 1 },
			{ sentinel: 'amp', type: 'embed-size' },
			{ sentinel: 'AMP', type: 'frames-init' },
			{ type: 'frames-init' },
			['amp', 'frames-init'],
			'frames-init',
			null,
			undefined
		])
			expect(isFramesInit(data), JSON.stringify(data)).toBe(false);
	});
});

describe('hasExactKeys', () => {
	it('accepts plain objects with exactly the keys', () => {
		expect(hasExactKeys({ a: 1, b: 2 }, ['b', 'a'])).toBe(true);
		expect(hasExactKeys(Object.assign(Object.create(null), { a: 1 }), ['a'])).toBe(true);
	});

	it('refuses missing or extra keys, arrays, class instances and primitives', () => {
		expect(hasExactKeys({ a: 1 }, ['a', 'b'])).toBe(false);
		expect(hasExactKeys({ a: 1, b: 2, c: 3 }, ['a', 'b'])).toBe(false);
		expect(hasExactKeys(Object.create({ a: 1 }), ['a'])).toBe(false);
		expect(hasExactKeys(['a'], ['0'])).toBe(false);
		expect(hasExactKeys(new Date(), [])).toBe(false);
		expect(hasExactKeys('ab', ['0', '1'])).toBe(false);
		expect(hasExactKeys(null, [])).toBe(false);
	});
});
