import { describe, expect, it, vi } from 'vitest';
import { keepScreenAwake } from '$lib/modes/kiosk/screen';
import { registerKioskWorker, SKIP_WAITING, UPDATE_CHECK_INTERVAL_MS } from '$lib/modes/kiosk/offline';
import { chapterQr, qrTarget } from '$lib/modes/kiosk/qr.server';
import { normalizeBaseUrl } from '$lib/site/urls';
import { uiText } from '$lib/ui-text';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('screen wake lock', () => {
	function fakes() {
		const listeners = new Set<() => void>();
		const doc = {
			visibilityState: 'visible',
			addEventListener: (_: string, fn: () => void) => listeners.add(fn),
			removeEventListener: (_: string, fn: () => void) => listeners.delete(fn)
		};
		const released: number[] = [];
		let requests = 0;
		const wakeLock = {
			request: vi.fn(async () => {
				const id = ++requests;
				return { release: async () => void released.push(id) };
			})
		};
		const becomes = (state: 'visible' | 'hidden') => {
			doc.visibilityState = state;
			for (const fn of listeners) fn();
		};
		return { doc: doc as unknown as Document, wakeLock, released, listeners, becomes };
	}

	it('is requested at once and again each time the page becomes visible, never while hidden', async () => {
		const { doc, wakeLock, becomes } = fakes();
		keepScreenAwake(doc, wakeLock);
		expect(wakeLock.request).toHaveBeenCalledTimes(1);
		becomes('hidden');
		expect(wakeLock.request).toHaveBeenCalledTimes(1);
		becomes('visible');
		expect(wakeLock.request).toHaveBeenCalledTimes(2);
	});

	it('is released, and stops listening, when the page goes', async () => {
		const { doc, wakeLock, released, listeners } = fakes();
		const stop = keepScreenAwake(doc, wakeLock);
		await flush();
		stop();
		await flush();
		expect(released).toEqual([1]);
		expect(listeners.size).toBe(0);
	});

	it('takes a refusal quietly (no permission, headless browser)', async () => {
		const { doc } = fakes();
		const refusing = { request: vi.fn(() => Promise.reject(new DOMException('denied', 'NotAllowedError'))) };
		expect(() => keepScreenAwake(doc, refusing)).not.toThrow();
		await flush();
	});
});

describe('service worker updates', () => {
	function fakes({ waiting = false, controlled = true } = {}) {
		const listeners = new Map<string, () => void>();
		const posted: unknown[] = [];
		const registration = {
			waiting: waiting ? { postMessage: (message: unknown) => posted.push(message) } : null,
			update: vi.fn(() => Promise.resolve())
		};
		const container = {
			controller: controlled ? {} : null,
			register: vi.fn(() => Promise.resolve(registration)),
			addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
			removeEventListener: (type: string) => listeners.delete(type)
		};
		let now = 0;
		const reload = vi.fn();
		const worker = registerKioskWorker({
			scriptUrl: '/service-worker.js',
			scope: '/kiosk/',
			type: 'classic',
			container: container as unknown as ServiceWorkerContainer,
			isOnline: () => true,
			now: () => now,
			reload
		});
		return { worker, container, registration, posted, listeners, reload, later: (ms: number) => (now += ms) };
	}

	it('registers with the kiosk’s own scope', () => {
		const { container } = fakes();
		expect(container.register).toHaveBeenCalledWith('/service-worker.js', { scope: '/kiosk/', type: 'classic' });
	});

	it('lets a waiting version take over only at the start of a loop, then reloads', async () => {
		const { worker, posted, listeners, reload } = fakes({ waiting: true });
		await flush();
		expect(posted).toEqual([]);
		worker.atLoopStart();
		expect(posted).toEqual([{ type: SKIP_WAITING }]);
		expect(reload).not.toHaveBeenCalled();
		listeners.get('controllerchange')?.();
		expect(reload).toHaveBeenCalledTimes(1);
	});

	it('does not reload when the first install takes control of the page', async () => {
		const { listeners, reload } = fakes({ waiting: false, controlled: false });
		await flush();
		listeners.get('controllerchange')?.();
		expect(reload).not.toHaveBeenCalled();
	});

	it('asks the server for a new version at a loop start, at most every UPDATE_CHECK_INTERVAL_MS', async () => {
		const { worker, registration, later } = fakes();
		await flush();
		worker.atLoopStart();
		expect(registration.update).not.toHaveBeenCalled();
		later(UPDATE_CHECK_INTERVAL_MS);
		worker.atLoopStart();
		worker.atLoopStart();
		expect(registration.update).toHaveBeenCalledTimes(1);
	});
});

describe('QR codes', () => {
	const chapter = { id: 'a-chapter', sources: [{ id: 's', title: 'T', publisher: 'P', url: 'https://news.example/a-source' }] };
	const edition = { lang: 'es', story: 'a-story' };
	const text = uiText('es');
	const at = (base: string) => qrTarget(chapter, { base: normalizeBaseUrl(base), edition, text });

	it('open the chapter on its edition’s scroll page at the public address, with a caption in the edition’s language', () => {
		expect(at('https://stories.example.org/maps').url).toBe('https://stories.example.org/maps/es/a-story/#a-chapter');
		expect(at('https://stories.example.org/').url).toBe('https://stories.example.org/es/a-story/#a-chapter');
		expect(at('https://stories.example.org/').caption).toBe(text.qrChapter);
	});

	it('open the first source when the build only knows localhost (a phone cannot open it)', () => {
		expect(at('http://localhost:4173').url).toBe('https://news.example/a-source');
		expect(at('http://127.0.0.1:4173')).toEqual({ url: 'https://news.example/a-source', caption: text.qrFirstSource });
	});

	it('are inline SVG, drawn at build time', async () => {
		const qr = await chapterQr(chapter, { base: 'https://stories.example.org', edition, text });
		expect(qr.svg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
		expect(qr.svg).toContain('<path');
		expect(qr.svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
	});
});
