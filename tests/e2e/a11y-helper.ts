/**
 * Accessibility scans with axe-core against WCAG 2.1 A and AA. axe is injected from node_modules with
 * `frame.evaluate`, which the page's Content-Security-Policy does not govern (DevTools-protocol evaluation), into the
 * page and every frame in it, so an embed inside the builder or a host page is scanned too.
 *
 *   const violations = await scanA11y(page);
 *   expect(violations, formatViolations(violations)).toEqual([]);
 *
 * A rule axe gets wrong for a page is switched off by name in `disableRules`, with a comment saying why; never a whole
 * tag or region.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface A11yViolation {
	rule: string;
	impact: string;
	help: string;
	helpUrl: string;
	/** Each offending element: its CSS path (through frames), a snippet of its HTML and what to fix. */
	nodes: { target: string; html: string; fix: string }[];
}

export interface ScanOptions {
	/** Rules to switch off, each a reviewed exception. */
	disableRules?: string[];
	/** CSS selectors of regions to leave out (for a third-party region, never the page's own content). */
	exclude?: string[];
}

async function inject(frame: Frame): Promise<void> {
	try {
		await frame.evaluate(AXE_SOURCE);
	} catch (error) {
		// A frame that navigated away or was removed meanwhile has nothing left to scan.
		if (!frame.isDetached()) throw error;
	}
}

/** The WCAG 2.1 A/AA violations on the page as it is now (every frame included). */
export async function scanA11y(page: Page, { disableRules = [], exclude = [] }: ScanOptions = {}): Promise<A11yViolation[]> {
	await Promise.all(page.frames().map(inject));
	const options: RunOptions = {
		runOnly: { type: 'tag', values: WCAG21_AA },
		resultTypes: ['violations'],
		rules: Object.fromEntries(disableRules.map((rule) => [rule, { enabled: false }]))
	};
	const results = await page.evaluate(
		async ([options, exclude]) => {
			const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe;
			const context = exclude.length ? { include: [document], exclude: exclude.map((selector) => [selector]) } : document;
			return axe.run(context, options);
		},
		[options, exclude] as const
	);
	return results.violations.map((violation) => ({
		rule: violation.id,
		impact: violation.impact ?? 'unknown',
		help: violation.help,
		helpUrl: violation.helpUrl,
		nodes: violation.nodes.map((node) => ({
			target: node.target.map((part) => (Array.isArray(part) ? part.join(' ') : String(part))).join(' >>> '),
			html: node.html.length > 160 ? `${node.html.slice(0, 157)}…` : node.html,
			fix: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim()
		}))
	}));
}

/** One line per violation and one per element, for an assertion message or a report. */
export function formatViolations(violations: A11yViolation[]): string {
	if (violations.length === 0) return 'no WCAG 2.1 A/AA violations';
	return violations
		.map(
			(v) =>
				`${v.rule} (${v.impact}): ${v.help} ${v.helpUrl}\n` +
				v.nodes.map((node) => `    ${node.target}\n      ${node.html}\n      ${node.fix}`).join('\n')
		)
		.join('\n');
}
