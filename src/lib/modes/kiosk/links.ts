/**
 * Nowhere to go from a kiosk: links in a chapter's prose become plain emphasised text. The prose is HTML we render
 * ourselves from Markdown with raw HTML refused, so its links are always `<a href="…">…</a>` without nesting.
 */
export function linksAsText(html: string): string {
	return html.replace(/<a\b[^>]*>/gi, '<span class="link-text">').replace(/<\/a\s*>/gi, '</span>');
}
