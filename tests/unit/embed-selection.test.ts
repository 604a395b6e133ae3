import { describe, expect, it } from 'vitest';
import { MAX_PARAM_LENGTH, selectChapters, selectionQuery } from '$lib/modes/embed/selection';

const ids = ['the-offer', 'flights', 'cecot', 'the-post', 'exchange'];
const select = (query: string) => selectChapters(new URLSearchParams(query), ids);
const wholeStory = { kind: 'story', ids };

describe('selectChapters', () => {
	it('shows the whole story without parameters', () => {
		expect(select('')).toEqual(wholeStory);
		expect(select('?childId=pym-1&initialWidth=640&parentUrl=x')).toEqual(wholeStory);
	});

	it('?step= shows one known chapter', () => {
		expect(select('?step=cecot')).toEqual({ kind: 'chapter', ids: ['cecot'] });
		expect(select('?step=%20cecot%20')).toEqual({ kind: 'chapter', ids: ['cecot'] });
	});

	it('?steps= shows a sequence in the order given, without repeats or unknown ids', () => {
		expect(select('?steps=the-post,the-offer,cecot')).toEqual({ kind: 'sequence', ids: ['the-post', 'the-offer', 'cecot'] });
		expect(select('?steps=cecot,,cecot,nope,%20flights')).toEqual({ kind: 'sequence', ids: ['cecot', 'flights'] });
	});

	it('a sequence of one known chapter is that chapter', () => {
		expect(select('?steps=nope,cecot')).toEqual({ kind: 'chapter', ids: ['cecot'] });
	});

	it('a known step wins over steps; an unknown one leaves steps to decide', () => {
		expect(select('?step=flights&steps=cecot,the-post')).toEqual({ kind: 'chapter', ids: ['flights'] });
		expect(select('?step=nope&steps=cecot,the-post')).toEqual({ kind: 'sequence', ids: ['cecot', 'the-post'] });
	});

	it('falls back to the whole story for unknown, empty, hostile or oversized values', () => {
		for (const query of [
			'?step=nope',
			'?step=',
			'?steps=,,,',
			'?step=CECOT',
			`?step=${encodeURIComponent('<script>alert(1)</script>')}`,
			`?steps=${encodeURIComponent('cecot"><img src=x onerror=alert(1)>')}`,
			'?step=__proto__&steps=constructor,toString',
			`?step=${'x'.repeat(5000)}`
		])
			expect(select(query), query.slice(0, 40)).toEqual(wholeStory);
	});

	it('ignores a steps list longer than the limit whole, even when it names known chapters', () => {
		const long = ['cecot', 'flights', 'x'.repeat(MAX_PARAM_LENGTH)].join(',');
		expect(select(`?steps=${long}`)).toEqual(wholeStory);
		expect(select(`?steps=cecot,flights,${'x'.repeat(100)}`)).toEqual({ kind: 'sequence', ids: ['cecot', 'flights'] });
	});

	it('returns a copy: changing the selection does not change the story', () => {
		select('').ids.push('extra');
		expect(ids).toHaveLength(5);
	});
});

describe('selectionQuery', () => {
	it('writes nothing for the whole story, step for one chapter, steps for several', () => {
		expect(selectionQuery(ids, ids)).toBe('');
		expect(selectionQuery([], ids)).toBe('');
		expect(selectionQuery(['cecot'], ids)).toBe('?step=cecot');
		expect(selectionQuery(['the-post', 'flights'], ids)).toBe('?steps=the-post,flights');
	});

	it('is read back by selectChapters as the same chapters', () => {
		for (const chosen of [['cecot'], ['the-offer', 'exchange'], ['exchange', 'flights', 'cecot']])
			expect(select(selectionQuery(chosen, ids)).ids).toEqual(chosen);
	});
});
