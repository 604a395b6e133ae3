/**
 * How tall the embed is at a given width, estimated at build time from a chapter's text, for the one snippet that
 * nothing resizes: the plain `<iframe>` (and oEmbed's HTML, which is that snippet). The estimate mirrors the embed's
 * layout (src/routes/[lang]/[story]/embed/+page.svelte) and errs on the tall side: a few blank pixels under the
 * caption are better than a caption cut mid-sentence. A browser test checks it against the real page.
 */

export interface ChapterText {
	title: string;
	/** The prose as rendered HTML: paragraphs are counted from it. */
	html: string;
}

/** The narrowest article column a plain snippet must fit (a phone in portrait). */
export const NARROWEST_WIDTH = 320;

const REM = 16;
/** Noto Sans averages about 0.5 em a character in running text; 0.56 em leaves room for long words that wrap early. */
const CHAR_WIDTH_EM = 0.56;

function lines(text: string, fontPx: number, widthPx: number): number {
	const perLine = Math.max(8, Math.floor(widthPx / (fontPx * CHAR_WIDTH_EM)));
	// Every word that does not fit moves whole to the next line: on average half a line is lost per paragraph.
	return Math.ceil(text.length / perLine + 0.5);
}

function plain(html: string): string[] {
	return html
		.split(/<\/(?:p|blockquote|li|h\d)>/)
		.map((part) => part.replace(/<[^>]*>/g, '').replace(/&[a-z#0-9]+;/gi, '&').replace(/\s+/g, ' ').trim())
		.filter(Boolean);
}

/** The map's height in the embed at `width` (its CSS: 1:1 under 480 px, else 4:3 up to 34 rem). */
function mapHeight(width: number): number {
	return width < 480 ? width : Math.min(0.75 * width, 34 * REM);
}

/** Height of the caption column: controls, the card (kicker, title, prose, folded notes), the story links. */
function textHeight(chapter: ChapterText, columnWidth: number, sequence: boolean): number {
	const textWidth = columnWidth - 1.5 * REM - 0.9 * REM - 5;
	const controls = sequence ? 0.75 * REM + 44 : 0;
	const kicker = 0.75 * REM + 0.85 * REM * 1.55 * 2;
	const title = 0.75 * REM + lines(chapter.title, 1.3 * REM, textWidth) * 1.3 * REM * 1.25;
	const prose = plain(chapter.html).reduce((sum, paragraph) => sum + lines(paragraph, REM, textWidth) * REM * 1.55 + 0.75 * REM, 0);
	const notes = 2 * 0.5 * REM + 0.9 * REM * 1.55 * 2;
	const links = 1.25 * REM + 2 * (1.2 * REM + REM * 1.55);
	return controls + kicker + title + prose + notes + links;
}

/** The embed's content height showing `chapter` in a frame `width` px wide. */
export function estimateEmbedHeight(chapter: ChapterText, width: number, sequence = true): number {
	if (width >= 880) {
		const textColumn = Math.min(24 * REM, Math.max(18 * REM, width * 0.3));
		return Math.max(mapHeight(width - textColumn), textHeight(chapter, textColumn, sequence));
	}
	return mapHeight(width) + textHeight(chapter, width, sequence);
}

/** A chapter's height at the narrowest width, shown alone (`?step=`) and in a sequence (with the step buttons). */
export function narrowHeights(chapter: ChapterText): { alone: number; inSequence: number } {
	return { alone: estimateEmbedHeight(chapter, NARROWEST_WIDTH, false), inSequence: estimateEmbedHeight(chapter, NARROWEST_WIDTH, true) };
}

/** A plain iframe's height for the chapters it can show: the tallest at the narrowest width, rounded up to 10 px. */
export function plainIframeHeight(heights: { alone: number; inSequence: number }[]): number {
	const tallest = Math.max(...heights.map((height) => (heights.length > 1 ? height.inSequence : height.alone)));
	return Math.ceil(tallest / 10) * 10;
}
