/**
 * Waits until the faces that draw the map's labels have loaded, so MapLibre, which draws labels with the page's fonts
 * (no glyph server), rasterises them in Noto Sans and not in a fallback it would then keep. The page declares one face
 * per script subset with `unicode-range` (src/lib/fonts/); MapLibre asks for its fonts by family and weight without
 * any text, which loads the Latin subset only, so labels in other scripts need this first.
 *
 * `fontsReadyFor(text)` loads the subsets `text` has characters in; `fontsReadyFor()` loads every subset the page
 * declares for the label families (the page declares only what its story, interface and basemap names need).
 * Resolves true once loaded; false when a font failed or took longer than `timeoutMs` (labels then draw in the
 * reader's system font). Never rejects.
 */
import { FONT } from '$lib/map/ids';

/** The map's label fonts as CSS font shorthands: the regular family, and the bold family at weight 700. */
export const LABEL_FONTS = [`400 16px "${FONT.regular[0]}"`, `700 16px "${FONT.bold[0]}"`];
const LABEL_FAMILIES = new Set<string>([FONT.regular[0], FONT.bold[0]]);

export async function fontsReadyFor(text?: string, timeoutMs = 5000): Promise<boolean> {
	if (typeof document === 'undefined' || !document.fonts?.load) return false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
	const loads: Promise<FontFace[] | FontFace>[] = [];
	if (text === undefined) document.fonts.forEach((face) => LABEL_FAMILIES.has(face.family.replace(/^["']|["']$/g, '')) && loads.push(face.load()));
	else loads.push(...LABEL_FONTS.map((font) => document.fonts.load(font, text)));
	const loaded = Promise.all(loads).then(
		(results) => results.flat().every((face) => face.status === 'loaded'),
		() => false
	);
	try {
		return await Promise.race([loaded, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
