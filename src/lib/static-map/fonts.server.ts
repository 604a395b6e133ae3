/**
 * The site's Noto Sans, read from @fontsource/noto-sans at build time: TrueType files for the rasteriser (resvg reads
 * no WOFF) and the text measure for laying out labels. Every script subset is loaded, so an edition in Greek or
 * Cyrillic gets its letters too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fontMetrics, woffToSfnt, type FontMetrics } from './font';
import type { TextMeasure } from './labels';

const WEIGHTS = [400, 700] as const;

interface LoadedFonts {
	/** TrueType files to hand to resvg. */
	files: string[];
	measure: TextMeasure;
}

let loaded: LoadedFonts | undefined;

export function notoSans(): LoadedFonts {
	return (loaded ??= load());
}

function load(): LoadedFonts {
	const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans/LICENSE')), 'files');
	const woffs = fs
		.readdirSync(dir)
		.filter((name) => /^noto-sans-[a-z-]+-(400|700)-normal\.woff$/.test(name))
		// Latin first: it is the subset most labels need, so its advances are the ones measured.
		.sort((a, b) => Number(b.includes('-latin-')) - Number(a.includes('-latin-')) || a.localeCompare(b));
	if (woffs.length === 0) throw new Error(`No Noto Sans WOFF files in ${dir}: run \`npm ci\` (@fontsource/noto-sans).`);
	const fonts = woffs.map((name) => ({ name, weight: Number(/-(\d{3})-normal/.exec(name)![1]), sfnt: woffToSfnt(fs.readFileSync(path.join(dir, name))) }));
	const digest = createHash('sha256');
	for (const font of fonts) digest.update(font.sfnt);
	const cache = path.join(os.tmpdir(), `static-map-fonts-${digest.digest('hex').slice(0, 16)}`);
	fs.mkdirSync(cache, { recursive: true });
	const files = fonts.map((font) => {
		const file = path.join(cache, font.name.replace(/\.woff$/, '.ttf'));
		if (!fs.existsSync(file)) fs.writeFileSync(file, font.sfnt);
		return file;
	});
	const byWeight = new Map<number, FontMetrics[]>(WEIGHTS.map((weight) => [weight, fonts.filter((f) => f.weight === weight).map((f) => fontMetrics(f.sfnt))]));
	const measure: TextMeasure = (text, { size, bold, letterSpacing = 0 }) => {
		const metrics = byWeight.get(bold ? 700 : 400)!;
		let width = 0;
		for (const char of text) {
			const code = char.codePointAt(0)!;
			let advance: number | undefined;
			for (const font of metrics) if ((advance = font.advance(code)) !== undefined) break;
			width += (advance ?? 0.6) * size + letterSpacing;
		}
		return width;
	};
	return { files, measure };
}
