/**
 * Numbers as a reader of each language writes them: "2,405" in English, "2.405" in Spanish. CLDR's Spanish leaves
 * four-digit numbers ungrouped ("2405"); the newsrooms this story's readers know (and the style of the Spanish
 * edition) group them, so Spanish always groups. Other languages follow their own CLDR conventions.
 */
const numberStyles: Record<string, { locale: string; options: Intl.NumberFormatOptions }> = {
	en: { locale: 'en-US', options: {} },
	es: { locale: 'es', options: { useGrouping: 'always' } }
};

export function formatNumber(value: number, lang: string, options: Intl.NumberFormatOptions = {}): string {
	const style = numberStyles[lang] ?? { locale: lang, options: {} };
	return new Intl.NumberFormat(style.locale, { ...style.options, ...options }).format(value);
}
