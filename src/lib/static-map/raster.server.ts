/** SVG to PNG with resvg (no browser at build time), with the site's Noto Sans and no system fonts: same bytes everywhere. */
import { Resvg } from '@resvg/resvg-js';
import { notoSans } from './fonts.server';

export function rasterize(svg: string, width?: number): Buffer {
	const resvg = new Resvg(svg, {
		font: { loadSystemFonts: false, fontFiles: notoSans().files, defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
		fitTo: width ? { mode: 'width', value: width } : { mode: 'original' },
		shapeRendering: 2,
		textRendering: 1
	});
	return resvg.render().asPng();
}
