import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { previewCompression } from './vite/compression.js';

export default defineConfig({
	plugins: [sveltekit(), previewCompression()],
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
