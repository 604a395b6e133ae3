import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { colorCustomProperties } from './src/lib/colors.ts';
import { storyErrorOverlay } from './scripts/story/dev-errors.ts';
import { previewCompression } from './vite/compression.js';

/** `import 'virtual:theme.css'`: the page's colour custom properties, generated from src/lib/colors.ts. */
function themeCss(): Plugin {
	const id = 'virtual:theme.css';
	return {
		name: 'theme-css',
		resolveId: (source) => (source === id ? `\0${id}` : undefined),
		load: (resolved) => (resolved === `\0${id}` ? colorCustomProperties() : undefined)
	};
}

export default defineConfig({
	plugins: [themeCss(), sveltekit(), storyErrorOverlay(), previewCompression()],
	server: { fs: { allow: ['geo'] } },
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: { name: 'build', include: ['tests/build/**/*.test.ts'], environment: 'node' }
			}
		]
	}
});
