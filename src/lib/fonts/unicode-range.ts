/** CSS `unicode-range` values (`U+0000-00FF,U+0131,U+25??`) as code point intervals, and the test a character passes. */
export type Interval = readonly [number, number];

export function parseUnicodeRange(value: string): Interval[] {
	return value
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean)
		.map((part) => {
			const match = /^U\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?$/i.exec(part);
			if (!match) throw new Error(`Not a unicode-range: ${part}`);
			const [, first, last] = match;
			if (first.includes('?')) return [parseInt(first.replace(/\?/g, '0'), 16), parseInt(first.replace(/\?/g, 'f'), 16)] as const;
			return [parseInt(first, 16), parseInt(last ?? first, 16)] as const;
		});
}

export function inRange(codePoint: number, intervals: readonly Interval[]): boolean {
	return intervals.some(([from, to]) => codePoint >= from && codePoint <= to);
}
