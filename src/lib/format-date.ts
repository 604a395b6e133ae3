/** Dates in the story files are ISO (YYYY-MM-DD or YYYY-MM); readers get "20 April 2025" or "January 2026". */
export function formatDate(iso: string, lang = 'en'): string {
	const [year, month, day] = iso.split('-').map(Number);
	const date = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
	return date.toLocaleDateString(lang === 'en' ? 'en-GB' : lang, {
		timeZone: 'UTC',
		year: 'numeric',
		...(month ? { month: 'long' } : {}),
		...(day ? { day: 'numeric' } : {})
	});
}
