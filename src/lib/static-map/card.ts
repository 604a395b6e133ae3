/**
 * Share cards (1200×630, the reference size): the picture of the chapter, or of the story's opening overview, with
 * its title in a panel where the scroll page shows its text, so the card looks like the story it opens.
 */
import type { TextMeasure } from './labels';
import { breakLines } from './labels';
import { REFERENCE_VIEW } from './reference';
import { FONT_FAMILY } from './render-svg';

export interface CardText {
	/** Small line above the title (the story's title on a chapter card). */
	kicker?: string;
	title: string;
	/** Text under the title (the story's summary, or the chapter's date). */
	detail?: string;
}

/** The narration column of the scroll page at the reference size (48 px from the left, 480 px wide). */
const PANEL = { x: 48, width: 480, padding: 32 };
const ACCENT = '#b3261e';
const INK = '#1f1f1f';
const SUBTLE = '#4a4a4a';

interface Block {
	lines: string[];
	size: number;
	bold: boolean;
	color: string;
	gap: number;
}

/** The card: the map picture with the title panel laid over it. */
export function cardSvg(mapSvg: string, text: CardText, measure: TextMeasure): string {
	const inner = PANEL.width - 2 * PANEL.padding;
	const wrap = (value: string, size: number, bold: boolean, maxLines: number) => fitLines(value, size, bold, inner, maxLines, measure);
	const blocks: Block[] = [
		...(text.kicker ? [{ lines: wrap(text.kicker.toLocaleUpperCase(), 18, true, 2), size: 18, bold: true, color: ACCENT, gap: 14 }] : []),
		{ lines: wrap(text.title, 44, true, 4), size: 44, bold: true, color: INK, gap: 18 },
		...(text.detail ? [{ lines: wrap(text.detail, 24, false, 4), size: 24, bold: false, color: SUBTLE, gap: 0 }] : [])
	];
	const lineHeight = (block: Block) => Math.round(block.size * 1.25);
	const contentHeight = blocks.reduce((sum, b) => sum + b.lines.length * lineHeight(b) + b.gap, 0);
	const panelHeight = Math.min(REFERENCE_VIEW.height - 2 * PANEL.x, contentHeight + 2 * PANEL.padding);
	const panelY = Math.round((REFERENCE_VIEW.height - panelHeight) / 2);
	let y = panelY + PANEL.padding;
	let texts = '';
	for (const block of blocks) {
		for (const line of block.lines) {
			y += lineHeight(block);
			const weight = block.bold ? ' font-weight="700"' : '';
			texts += `<text x="${PANEL.x + PANEL.padding}" y="${y - Math.round(block.size * 0.3)}" font-size="${block.size}"${weight} fill="${block.color}">${escapeXml(line)}</text>`;
		}
		y += block.gap;
	}
	const panel =
		`<g font-family="${FONT_FAMILY.replace(/'/g, '&apos;')}">` +
		`<rect x="${PANEL.x}" y="${panelY}" width="${PANEL.width}" height="${panelHeight}" rx="6" fill="#ffffff" fill-opacity="0.96"/>` +
		`<rect x="${PANEL.x}" y="${panelY}" width="6" height="${panelHeight}" fill="${ACCENT}"/>${texts}</g>`;
	const end = mapSvg.lastIndexOf('</svg>');
	if (end < 0) throw new Error('cardSvg: not an SVG document');
	return `${mapSvg.slice(0, end)}${panel}</svg>\n`;
}

/** Balanced lines of at most `width` px; past `maxLines`, the last line ends with an ellipsis. */
function fitLines(text: string, size: number, bold: boolean, width: number, maxLines: number, measure: TextMeasure): string[] {
	const lines = breakLines([{ text, scale: 1 }], { size, bold, letterSpacing: 0, maxWidth: width / size }, measure).map((line) =>
		line.map((c) => c.char).join('')
	);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	let last = `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`;
	while (last.length > 1 && measure(`${last}…`, { size, bold }) > width) last = last.slice(0, -1).trimEnd();
	kept[maxLines - 1] = `${last}…`;
	return kept;
}

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
