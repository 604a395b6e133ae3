/** Language tags (BCP 47) of editions, and text chosen per language. */

/** `es` for `es-419`, `zh` for `zh-Hant-TW`. */
export function primaryLanguage(tag: string): string {
	return tag.split('-')[0].toLowerCase();
}

/** What is wrong with a language tag, or undefined when it is a well-formed tag in canonical form. */
export function languageTagProblem(tag: string): { message: string; hint: string } | undefined {
	const example = 'Use a BCP 47 language tag such as `en`, `es`, `ja`, `pt-BR` or `zh-Hant`.';
	let canonical: string;
	try {
		[canonical] = Intl.getCanonicalLocales(tag);
	} catch {
		return { message: `\`${tag}\` is not a language tag`, hint: example };
	}
	// Five to eight letters are reserved for registered languages, of which there are none: `english` is a word.
	if (!/^[a-z]{2,3}$/i.test(primaryLanguage(tag))) return { message: `\`${tag}\` is not a language tag`, hint: example };
	if (canonical !== tag) return { message: `language tag \`${tag}\` is not in its canonical form`, hint: `Write \`${canonical}\`.` };
	return undefined;
}

/** The text for `lang`: its own, its primary language's (`es` for `es-419`), or English; undefined when none. */
export function textIn(texts: Record<string, string>, lang: string): string | undefined {
	return texts[lang] ?? texts[primaryLanguage(lang)] ?? texts.en;
}
