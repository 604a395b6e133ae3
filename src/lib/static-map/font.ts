/**
 * Noto Sans for pictures made at build time: the site's own font (from @fontsource/noto-sans, as WOFF) unpacked to
 * TrueType for the rasteriser, and its advance widths for laying out labels. Advances only, no kerning: MapLibre lays
 * out its labels the same way, so wrapped lines and label boxes match the live map's.
 */
import { inflateSync } from 'node:zlib';

/** The WOFF 1.0 container (https://www.w3.org/TR/WOFF/) around a TrueType/OpenType font, unpacked to the font itself. */
export function woffToSfnt(woff: Uint8Array): Buffer {
	const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
	if (input.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
	const flavor = input.readUInt32BE(4);
	const numTables = input.readUInt16BE(12);
	const tables = Array.from({ length: numTables }, (_, i) => {
		const entry = 44 + i * 20;
		const offset = input.readUInt32BE(entry + 4);
		const compressed = input.readUInt32BE(entry + 8);
		const length = input.readUInt32BE(entry + 12);
		const raw = input.subarray(offset, offset + compressed);
		return {
			tag: input.readUInt32BE(entry),
			checksum: input.readUInt32BE(entry + 16),
			data: compressed < length ? inflateSync(raw) : raw
		};
	});
	const entrySelector = Math.floor(Math.log2(numTables));
	const searchRange = 2 ** entrySelector * 16;
	const header = Buffer.alloc(12 + numTables * 16);
	header.writeUInt32BE(flavor, 0);
	header.writeUInt16BE(numTables, 4);
	header.writeUInt16BE(searchRange, 6);
	header.writeUInt16BE(entrySelector, 8);
	header.writeUInt16BE(numTables * 16 - searchRange, 10);
	const bodies: Buffer[] = [];
	let offset = header.length;
	tables.forEach((table, i) => {
		const record = 12 + i * 16;
		header.writeUInt32BE(table.tag, record);
		header.writeUInt32BE(table.checksum, record + 4);
		header.writeUInt32BE(offset, record + 8);
		header.writeUInt32BE(table.data.length, record + 12);
		const padded = Buffer.alloc((table.data.length + 3) & ~3);
		table.data.copy(padded);
		bodies.push(padded);
		offset += padded.length;
	});
	return Buffer.concat([header, ...bodies]);
}

/** Advance widths of one font: code point → advance in em. */
export interface FontMetrics {
	advance(codePoint: number): number | undefined;
}

export function fontMetrics(sfnt: Buffer): FontMetrics {
	const tables = new Map<string, number>();
	for (let i = 0, n = sfnt.readUInt16BE(4); i < n; i++) {
		const record = 12 + i * 16;
		tables.set(sfnt.toString('latin1', record, record + 4), sfnt.readUInt32BE(record + 8));
	}
	const table = (tag: string) => {
		const start = tables.get(tag);
		if (start === undefined) throw new Error(`font has no ${tag} table`);
		return start;
	};
	const unitsPerEm = sfnt.readUInt16BE(table('head') + 18);
	const numberOfHMetrics = sfnt.readUInt16BE(table('hhea') + 34);
	const hmtx = table('hmtx');
	const glyphs = cmapGlyphs(sfnt, table('cmap'));
	return {
		advance(codePoint) {
			const glyph = glyphs.get(codePoint);
			if (glyph === undefined) return undefined;
			const metric = Math.min(glyph, numberOfHMetrics - 1);
			return sfnt.readUInt16BE(hmtx + metric * 4) / unitsPerEm;
		}
	};
}

/** Code point → glyph index from the font's Unicode cmap subtable (format 4 or 12). */
function cmapGlyphs(sfnt: Buffer, cmap: number): Map<number, number> {
	const glyphs = new Map<number, number>();
	const subtables = Array.from({ length: sfnt.readUInt16BE(cmap + 2) }, (_, i) => cmap + sfnt.readUInt32BE(cmap + 4 + i * 8 + 4));
	const format12 = subtables.find((start) => sfnt.readUInt16BE(start) === 12);
	if (format12 !== undefined) {
		for (let g = 0, n = sfnt.readUInt32BE(format12 + 12); g < n; g++) {
			const group = format12 + 16 + g * 12;
			const [first, last, glyph] = [0, 4, 8].map((o) => sfnt.readUInt32BE(group + o));
			for (let c = first; c <= last; c++) glyphs.set(c, glyph + c - first);
		}
		return glyphs;
	}
	const format4 = subtables.find((start) => sfnt.readUInt16BE(start) === 4);
	if (format4 === undefined) throw new Error('font has no Unicode cmap (format 4 or 12)');
	const segments = sfnt.readUInt16BE(format4 + 6) / 2;
	const ends = format4 + 14;
	const starts = ends + segments * 2 + 2;
	const deltas = starts + segments * 2;
	const rangeOffsets = deltas + segments * 2;
	for (let s = 0; s < segments; s++) {
		const start = sfnt.readUInt16BE(starts + s * 2);
		const end = sfnt.readUInt16BE(ends + s * 2);
		const delta = sfnt.readInt16BE(deltas + s * 2);
		const rangeOffset = sfnt.readUInt16BE(rangeOffsets + s * 2);
		for (let c = start; c <= end && c !== 0xffff; c++) {
			let glyph: number;
			if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
			else {
				const at = rangeOffsets + s * 2 + rangeOffset + (c - start) * 2;
				glyph = sfnt.readUInt16BE(at);
				if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
			}
			if (glyph !== 0) glyphs.set(c, glyph);
		}
	}
	return glyphs;
}
