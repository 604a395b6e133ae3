/**
 * Reads ui.<lang>.yaml: the interface's words in a language the engine has none in, carried by the story.
 * Every key of the engine's interface must be there; phrases that take values write them as `{name}`.
 */
import { isMap, type Node, type Scalar } from 'yaml';
import { uiKeys, uiPhraseParams, type UiWords } from '$lib/ui-text';
import { kindOf, type Checker } from './checker';
import { didYouMean } from './errors';

export function readUiWords({ checker: c }: { checker: Checker }): UiWords | undefined {
	const name = c.file.path.split('/').pop();
	const root = c.root;
	if (!isMap(root)) {
		c.error(root as Node, `${name} must be a mapping of the interface's keys to their words`, 'Write `chapter: Chapitre` and so on, one line per key (docs/story-format.md lists them).');
		return undefined;
	}
	const params = uiPhraseParams as Record<string, readonly string[]>;
	const words: UiWords = {};
	let valid = true;
	for (const pair of root.items) {
		const key = String((pair.key as Scalar | null)?.value);
		if (!(uiKeys as string[]).includes(key)) {
			c.error(pair.key as Node, `${name}: unknown key \`${key}\``, didYouMean(key, uiKeys) || 'Remove it: the interface has no such words.');
			valid = false;
			continue;
		}
		if (kindOf(pair.value) !== 'text') {
			c.error((pair.value ?? pair.key) as Node, `${name}: \`${key}\` must be text`, `Write it like \`${key}: "…"\`.`);
			valid = false;
			continue;
		}
		const value = (pair.value as Scalar).value as string;
		const allowed = params[key] ?? [];
		for (const [placeholder, param] of value.matchAll(/\{(\w*)\}/g)) {
			if (allowed.includes(param)) continue;
			const takes = allowed.length > 0 ? `it takes ${allowed.map((p) => `\`{${p}}\``).join(', ')}` : 'it takes no values';
			c.error(pair.value as Node, `${name}: \`${key}\` has an unknown placeholder \`${placeholder}\``, `${didYouMean(param, allowed)} In \`${key}\` ${takes}.`.trim());
			valid = false;
		}
		words[key] = value;
	}
	const missing = uiKeys.filter((key) => !root.has(key));
	if (missing.length > 0) {
		c.error(root, `${name}: missing ${missing.length === 1 ? 'key' : 'keys'} ${missing.map((key) => `\`${key}\``).join(', ')}`, 'Every key of the interface needs its words in this language (docs/story-format.md lists them with the English).');
		valid = false;
	}
	return valid ? words : undefined;
}
