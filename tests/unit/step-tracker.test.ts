import { describe, it, expect } from 'vitest';
import { stepAt } from '$lib/scroll/step-tracker';

describe('stepAt', () => {
	const tops = [100, 600, 1100];

	it('is before the first step until its top crosses the trigger line', () => {
		expect(stepAt(tops, 1400, 99)).toEqual({ index: -1, progress: 0 });
	});

	it('keeps a step active until the next one crosses, with progress over that span', () => {
		expect(stepAt(tops, 1400, 100)).toEqual({ index: 0, progress: 0 });
		expect(stepAt(tops, 1400, 350)).toEqual({ index: 0, progress: 0.5 });
		expect(stepAt(tops, 1400, 599)).toMatchObject({ index: 0 });
		expect(stepAt(tops, 1400, 600)).toEqual({ index: 1, progress: 0 });
	});

	it('measures the last step to its own bottom and stops at 1', () => {
		expect(stepAt(tops, 1400, 1250)).toEqual({ index: 2, progress: 0.5 });
		expect(stepAt(tops, 1400, 5000)).toEqual({ index: 2, progress: 1 });
	});

	it('lands on the right step after a jump far down the page', () => {
		const scrolled = tops.map((top) => top - 1000);
		expect(stepAt(scrolled, 400, 480).index).toBe(2);
	});
});
