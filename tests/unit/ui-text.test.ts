/**
 * Every edition of every story gets its interface in its own language: for each language a story is told in (other
 * than English), no interface word may still be the English one. Languages are read from the story folders, so a new
 * edition without its interface words fails here.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { uiText, type UiText } from '$lib/ui-text';

/** Keys whose text is the same in every language, and why. */
const SAME_IN_EVERY_LANGUAGE: Record<string, string> = {
	'secondsUnit': 'the SI symbol for seconds, "s", is written the same in every language',
	'settlementInCountry': 'a pattern with no words, "{place}, {country}": only the names in it change'
};

/** Languages of the published story editions (`stories/<id>/story.<lang>.yaml`). */
function editionLangs(): string[] {
	const langs = new Set<string>();
	for (const dir of fs.readdirSync('stories', { withFileTypes: true })) {
		if (!dir.isDirectory()) continue;
		for (const name of fs.readdirSync(path.join('stories', dir.name))) {
			const lang = /^story\.([^.]+)\.yaml$/.exec(name)?.[1];
			if (lang) langs.add(lang);
		}
	}
	return [...langs].sort();
}

/** Every interface text, by dotted key. Text functions only interpolate their arguments, so each is called with
 * markers (`‹0›`, `‹1›` …), the same in every language. */
function texts(words: UiText): Map<string, string> {
	const found = new Map<string, string>();
	const walk = (value: unknown, key: string) => {
		if (typeof value === 'string') found.set(key, value);
		else if (typeof value === 'function') found.set(key, value(...Array.from({ length: value.length }, (_, i) => `‹${i}›`)));
		else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, key ? `${key}.${k}` : k);
	};
	walk(words, '');
	return found;
}

const english = texts(uiText('en'));
const translated = editionLangs().filter((lang) => lang !== 'en');

describe('interface words', () => {
	it('the stories have an edition in a language other than English to check', () => {
		expect(translated.length).toBeGreaterThan(0);
	});

	it.each(translated)('are all in %s, not English', (lang) => {
		const words = texts(uiText(lang));
		const stillEnglish = [...words]
			.filter(([key, text]) => text === english.get(key) && !(key in SAME_IN_EVERY_LANGUAGE))
			.map(([key, text]) => `${key}: ${JSON.stringify(text)}`);
		expect(stillEnglish, `ui-text keys still in English for "${lang}"`).toEqual([]);
	});

	it.each(translated)('in %s have every key the English words have, and no other', (lang) => {
		expect([...texts(uiText(lang)).keys()].sort()).toEqual([...english.keys()].sort());
	});

	it('list only existing keys as the same in every language', () => {
		for (const key of Object.keys(SAME_IN_EVERY_LANGUAGE)) expect(english.has(key), key).toBe(true);
	});
});
