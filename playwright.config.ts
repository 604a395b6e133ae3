import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the built site (`build/`), served by `vite preview`, for every story and edition it holds
 * (tests/editions.ts). `npm test` builds it with the fixture stories first (`npm run build:test`, STORY_FIXTURES=1);
 * on their own: `npm run build:test && npx playwright test`.
 *
 * Playwright never downloads a browser here: Debian's Chromium (/usr/bin/chromium) is used when it exists
 * (`.ci/run` installs it). Tests wait on conditions the page exposes (data-status, aria-current, data-camera),
 * never on fixed delays, so they hold on a loaded 2-core machine.
 */

/** The port `npm start` serves on; E2E_PORT overrides it (e.g. to run beside a preview already on 4173). */
export const PORT = Number(process.env.E2E_PORT) || 4173;
const baseURL = `http://localhost:${PORT}`;

const CHROMIUM = '/usr/bin/chromium';
const chromiumArgs = [
	'--no-sandbox',
	// Headless Chromium still renders WebGL2 through SwiftShader with the GPU disabled (checked: MapLibre gets a context).
	'--disable-gpu',
	'--enable-unsafe-swiftshader',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/artifacts',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	// A map on SwiftShader with two browsers sharing two cores is slow: generous per-test and per-assertion limits,
	// but every wait is on a condition.
	timeout: 120_000,
	expect: { timeout: 20_000 },
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
	use: {
		baseURL,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
			args: chromiumArgs
		}
	},
	projects: [
		{
			name: 'desktop',
			use: {
				browserName: 'chromium',
				viewport: { width: 1280, height: 800 },
				deviceScaleFactor: 1
			}
		},
		{
			name: 'phone',
			use: {
				browserName: 'chromium',
				viewport: { width: 390, height: 844 },
				deviceScaleFactor: 2,
				isMobile: true,
				hasTouch: true
			}
		}
	],
	webServer: {
		command: `npx vite preview --port ${PORT} --strictPort`,
		url: baseURL,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
