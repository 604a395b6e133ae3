/**
 * Runs Lighthouse 12 (programmatic API, default config = the mobile preset) against a URL in Debian's Chromium.
 * Every run gets a fresh browser and profile, so nothing is cached between runs.
 */
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROME_FLAGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/**
 * One Lighthouse run.
 * @param {string} url
 * @returns {Promise<{ scores: Record<string, number>, metrics: Record<string, number>, requests: NetworkItem[],
 *   failing: Record<string, string[]>, diagnostics: Record<string, unknown>, warnings: string[] }>}
 *
 * @typedef {{ url: string, resourceType?: string, mimeType?: string, transferSize?: number, resourceSize?: number,
 *   networkRequestTime?: number, statusCode?: number }} NetworkItem
 */
export async function runLighthouse(url) {
	if (!existsSync(CHROME_PATH)) throw new Error(`No Chromium at ${CHROME_PATH} (set CHROME_PATH, or apt-get install chromium)`);
	const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
	try {
		const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
		if (!result) throw new Error('Lighthouse returned no result');
		const { lhr } = result;
		if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
		const scores = Object.fromEntries(
			CATEGORIES.map((id) => [id, lhr.categories[id]?.score == null ? NaN : Math.round(lhr.categories[id].score * 100)])
		);
		const numeric = (id) => lhr.audits[id]?.numericValue ?? NaN;
		const metrics = {
			fcpMs: numeric('first-contentful-paint'),
			lcpMs: numeric('largest-contentful-paint'),
			tbtMs: numeric('total-blocking-time'),
			cls: numeric('cumulative-layout-shift'),
			totalBytes: numeric('total-byte-weight')
		};
		const details = /** @type {any} */ (lhr.audits['network-requests']?.details);
		const requests = /** @type {NetworkItem[]} */ (details?.items ?? []);
		// What keeps a category under 100: its weighted audits that did not pass.
		const failing = Object.fromEntries(
			CATEGORIES.map((id) => [
				id,
				(lhr.categories[id]?.auditRefs ?? [])
					.filter((ref) => ref.weight > 0)
					.map((ref) => lhr.audits[ref.id])
					.filter((audit) => audit && audit.score !== null && audit.score < 1)
					.map((audit) => `${audit.id} (${Math.round((audit.score ?? 0) * 100)})`)
			])
		);
		// Where the time goes: the LCP element, the longest main-thread tasks and the main-thread work by kind.
		const items = (id) => /** @type {any[]} */ (/** @type {any} */ (lhr.audits[id]?.details)?.items ?? []);
		const lcpItem = items('largest-contentful-paint-element')[0];
		const lcpNode = lcpItem?.items?.[0]?.node ?? lcpItem?.node;
		const diagnostics = {
			lcpElement: lcpNode ? `${lcpNode.nodeLabel ?? ''} (${lcpNode.selector ?? lcpNode.snippet ?? ''})`.trim() : undefined,
			longTasks: items('long-tasks')
				.slice(0, 5)
				.map((t) => ({ url: t.url, startMs: Math.round(t.startTime), durationMs: Math.round(t.duration) })),
			mainThread: items('mainthread-work-breakdown').map((t) => ({ group: t.groupLabel ?? t.group, ms: Math.round(t.duration) }))
		};
		return { scores, metrics, requests, failing, diagnostics, warnings: lhr.runWarnings ?? [] };
	} finally {
		await chrome.kill();
	}
}
