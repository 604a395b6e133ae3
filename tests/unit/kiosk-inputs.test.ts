import { describe, expect, it } from 'vitest';
import { DEFAULT_IDLE_SECONDS, parseKioskParams } from '$lib/modes/kiosk/params';
import { chapterDwellSeconds, DWELL_CLAMP, readingDwellSeconds, wordCount } from '$lib/modes/kiosk/dwell';
import { linksAsText } from '$lib/modes/kiosk/links';

const params = (query: string) => parseKioskParams(new URLSearchParams(query));

describe('?dwell= and ?idle=', () => {
	it('default to each screen’s own dwell and 45 s of idle', () => {
		expect(params('')).toEqual({ dwellSeconds: undefined, idleSeconds: DEFAULT_IDLE_SECONDS });
		expect(DEFAULT_IDLE_SECONDS).toBe(45);
	});

	it('take seconds, including fractions for tests', () => {
		expect(params('dwell=8&idle=30')).toEqual({ dwellSeconds: 8, idleSeconds: 30 });
		expect(params('dwell=0.2').dwellSeconds).toBe(0.2);
	});

	it.each(['abc', '', ' ', '-3', '0', '0.05', 'Infinity', 'NaN', '1e9', '12s'])('fall back to the defaults on %j', (bad) => {
		expect(params(`dwell=${encodeURIComponent(bad)}&idle=${encodeURIComponent(bad)}`)).toEqual({
			dwellSeconds: undefined,
			idleSeconds: DEFAULT_IDLE_SECONDS
		});
	});

	it('refuse an idle time too short to read the warning', () => {
		expect(params('idle=1').idleSeconds).toBe(DEFAULT_IDLE_SECONDS);
		expect(params('idle=2').idleSeconds).toBe(2);
	});
});

describe('dwell from reading length', () => {
	const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

	it('counts words, not punctuation or spaces', () => {
		expect(wordCount('  The offer — “252 for 252”, CNN reported.  ')).toBe(7);
	});

	it('grows with the text and is clamped at both ends', () => {
		expect(readingDwellSeconds(words(10))).toBe(DWELL_CLAMP.min);
		expect(readingDwellSeconds(words(1000))).toBe(DWELL_CLAMP.max);
		const short = readingDwellSeconds(words(60));
		const long = readingDwellSeconds(words(100));
		expect(long).toBeGreaterThan(short);
		expect(long).toBeLessThan(DWELL_CLAMP.max);
	});

	it('takes the story file’s dwell when the chapter sets one', () => {
		expect(chapterDwellSeconds({ title: 'T', text: words(100), dwell: 25 })).toBe(25);
		expect(chapterDwellSeconds({ title: 'T', text: words(100) })).toBe(readingDwellSeconds(`T ${words(100)}`));
	});
});

describe('links as text', () => {
	it('keeps the words of a link and drops where it leads', () => {
		const html = '<p>Bukele wrote on <a href="https://x.com/nayibbukele/status/1">X</a>, <a href="https://cnn.com" title="CNN">CNN</a> reported.</p>';
		const text = linksAsText(html);
		expect(text).toBe('<p>Bukele wrote on <span class="link-text">X</span>, <span class="link-text">CNN</span> reported.</p>');
		expect(text).not.toMatch(/<a\b|href=/);
	});
});
