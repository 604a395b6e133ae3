import { describe, expect, it, vi } from 'vitest';
import { chapterEvent, parseGoCommand } from '$lib/modes/embed/events';
import { createHostLink, type HostLinkOptions } from '$lib/modes/embed/host-link';

const shown = ['the-offer', 'cecot', 'exchange'];

function setup(overrides: Partial<HostLinkOptions> = {}) {
	const host = { postMessage: vi.fn() };
	let height = 700.2;
	const onGo = vi.fn();
	const link = createHostLink({
		host,
		pymId: undefined,
		storyId: '252-for-252',
		measure: () => height,
		shownIds: () => shown,
		onGo,
		...overrides
	});
	return { host, link, onGo, setHeight: (h: number) => (height = h), sent: () => host.postMessage.mock.calls.map(([m]) => m) };
}

describe('the documented chapter event and go command', () => {
	it('describes the chapter on show among the chapters shown', () => {
		expect(chapterEvent('252-for-252', shown, 1)).toEqual({ type: 'story-map:chapter', story: '252-for-252', id: 'cecot', index: 1, total: 3 });
	});

	it('accepts a go command only with exactly type and a shown chapter id', () => {
		expect(parseGoCommand({ type: 'story-map:go', id: 'cecot' }, shown)).toBe('cecot');
		for (const data of [
			{ type: 'story-map:go', id: 'the-post' },
			{ type: 'story-map:go', id: 'cecot', extra: 1 },
			{ type: 'story-map:go', id: ['cecot'] },
			{ type: 'story-map:go' },
			{ type: 'story-map:chapter', id: 'cecot' },
			JSON.stringify({ type: 'story-map:go', id: 'cecot' }),
			null
		])
			expect(parseGoCommand(data, shown), JSON.stringify(data)).toBeUndefined();
	});
});

describe('createHostLink', () => {
	it('reports the height rounded up, in the frames protocol, and again only when it changes', () => {
		const { link, sent, setHeight } = setup();
		link.reportHeight();
		link.reportHeight();
		setHeight(700.9);
		link.reportHeight();
		setHeight(812);
		link.reportHeight();
		expect(sent()).toEqual([
			{ sentinel: 'amp', type: 'embed-size', height: 701 },
			{ sentinel: 'amp', type: 'embed-size', height: 812 }
		]);
	});

	it('also speaks pym.js when a pym parent named the frame', () => {
		const { link, sent } = setup({ pymId: 'story-map' });
		link.reportHeight();
		expect(sent()).toEqual([{ sentinel: 'amp', type: 'embed-size', height: 701 }, 'pymxPYMxstory-mapxPYMxheightxPYMx701']);
	});

	it('answers frames-init and pym width with the current height, even when unchanged', () => {
		const { host, link, sent } = setup({ pymId: 'f' });
		link.reportHeight();
		host.postMessage.mockClear();
		link.receive({ source: host, data: { sentinel: 'amp', type: 'frames-init' } });
		link.receive({ source: host, data: 'pymxPYMxfxPYMxwidthxPYMx320' });
		expect(sent()).toEqual([
			{ sentinel: 'amp', type: 'embed-size', height: 701 },
			'pymxPYMxfxPYMxheightxPYMx701',
			{ sentinel: 'amp', type: 'embed-size', height: 701 },
			'pymxPYMxfxPYMxheightxPYMx701'
		]);
	});

	it('goes to a chapter the parent asks for, and ignores other windows and other shapes', () => {
		const { host, link, onGo, sent } = setup({ pymId: 'f' });
		const stranger = { postMessage: vi.fn() };
		link.receive({ source: stranger, data: { type: 'story-map:go', id: 'cecot' } });
		link.receive({ source: stranger, data: { sentinel: 'amp', type: 'frames-init' } });
		link.receive({ source: host, data: { type: 'story-map:go', id: 'nope' } });
		link.receive({ source: host, data: 'pymxPYMxotherxPYMxwidthxPYMx320' });
		link.receive({ source: host, data: { sentinel: 'amp', type: 'frames-init', extra: true } });
		expect(onGo).not.toHaveBeenCalled();
		expect(sent()).toEqual([]);
		link.receive({ source: host, data: { type: 'story-map:go', id: 'exchange' } });
		expect(onGo).toHaveBeenCalledExactlyOnceWith('exchange');
	});

	it('announces the chapter on show to the host', () => {
		const { link, sent } = setup();
		link.announceChapter(2);
		expect(sent()).toEqual([{ type: 'story-map:chapter', story: '252-for-252', id: 'exchange', index: 2, total: 3 }]);
	});

	it('stays silent and deaf when the page is not in a frame', () => {
		const onGo = vi.fn();
		const link = createHostLink({ host: undefined, pymId: 'f', storyId: 's', measure: () => 1, shownIds: () => shown, onGo });
		expect(() => {
			link.reportHeight({ force: true });
			link.announceChapter(0);
			link.receive({ source: undefined, data: { type: 'story-map:go', id: 'cecot' } });
		}).not.toThrow();
		expect(onGo).not.toHaveBeenCalled();
	});
});
