/**
 * fontsReadyFor (src/lib/fonts/ready.ts) against a stand-in FontFaceSet: what it asks the browser to load, and that it
 * resolves false (never throws) when fonts fail or hang.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LABEL_FONTS, fontsReadyFor } from '$lib/fonts/ready';

interface FakeFace {
	family: string;
	status: string;
	load: () => Promise<FakeFace>;
}

function face(family: string, outcome: 'loaded' | 'error' | 'hang' = 'loaded'): FakeFace {
	const f: FakeFace = {
		family,
		status: 'unloaded',
		load: vi.fn(() => {
			if (outcome === 'hang') return new Promise<FakeFace>(() => {});
			f.status = outcome;
			return outcome === 'error' ? Promise.reject(new Error('network')) : Promise.resolve(f);
		})
	};
	return f;
}

function stubFonts(faces: FakeFace[], load = vi.fn(async () => faces.map((f) => ({ ...f, status: 'loaded' })))) {
	vi.stubGlobal('document', { fonts: { load, forEach: (fn: (f: FakeFace) => void) => faces.forEach(fn) } });
	return load;
}

afterEach(() => vi.unstubAllGlobals());

describe('fontsReadyFor', () => {
	it('loads both label fonts for the given text', async () => {
		const load = stubFonts([face('"Noto Sans"')]);
		expect(await fontsReadyFor('東京 Москва')).toBe(true);
		expect(load.mock.calls).toEqual(LABEL_FONTS.map((font) => [font, '東京 Москва']));
	});

	it('without text, loads every face the page declares for the label families, and no other', async () => {
		const faces = [face('"Noto Sans"'), face('Noto Sans Bold'), face('"Some Display Face"')];
		stubFonts(faces);
		expect(await fontsReadyFor()).toBe(true);
		expect(faces.map((f) => (f.load as ReturnType<typeof vi.fn>).mock.calls.length)).toEqual([1, 1, 0]);
	});

	it('resolves false when a face fails, and when loading outlasts the timeout', async () => {
		stubFonts([face('"Noto Sans"'), face('"Noto Sans Bold"', 'error')]);
		expect(await fontsReadyFor()).toBe(false);
		stubFonts([face('"Noto Sans"', 'hang')]);
		expect(await fontsReadyFor(undefined, 20)).toBe(false);
	});

	it('resolves false where there is no document (server rendering)', async () => {
		expect(await fontsReadyFor('x')).toBe(false);
	});
});
