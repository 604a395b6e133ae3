import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { storyErrorOverlay } from './scripts/story/dev-errors.ts';

export default defineConfig({
	plugins: [sveltekit(), storyErrorOverlay()],
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
