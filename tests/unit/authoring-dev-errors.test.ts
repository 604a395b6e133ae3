/** The dev server's story overlay: which saved files it checks, and what Vite's error overlay is sent. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStories } from '../../scripts/story/check';
import { overlayError, storyFolderOf } from '../../scripts/story/dev-errors';
import { createStory } from '../../scripts/story/new';
import { problemsOf } from '../../scripts/story/problems';

describe('the story error overlay', () => {
	it('checks files in story folders (published and fixtures), nothing else', () => {
		expect(storyFolderOf('/p/stories/my-story/story.en.yaml', '/p')).toEqual({ root: 'stories', id: 'my-story' });
		expect(storyFolderOf('/p/stories/my-story/places.geojson', '/p')).toEqual({ root: 'stories', id: 'my-story' });
		expect(storyFolderOf('/p/tests/fixtures/stories/f/route-defs.json', '/p')).toEqual({ root: 'tests/fixtures/stories', id: 'f' });
		expect(storyFolderOf('/p/stories/site.yaml', '/p')).toBeUndefined();
		expect(storyFolderOf('/p/src/lib/story/validate.ts', '/p')).toBeUndefined();
		expect(storyFolderOf('/p/stories/my-story/IMPORT-REPORT.md', '/p')).toBeUndefined();
	});

	it('sends every problem, located at the first, in the shape of Vite\'s error payload', () => {
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'story-overlay-'));
		try {
			const dir = createStory(root, 'typo');
			const file = path.join(dir, 'story.en.yaml');
			fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/places: \[(\S+)\]/, 'places: [$1x]').replace('title: "The wider view"', 'title: [1]'));
			const problems = checkStories(root).editions[0].problems;
			const payload = overlayError(problems, process.cwd());
			expect(payload.type).toBe('error');
			expect(payload.err.stack).toBe('');
			expect(payload.err.message.split('\n')).toEqual([...problems.map((p) => p.text), '(2 problems in the story files; `npm run story:check` lists them too)']);
			expect(payload.err.loc).toEqual({ file: path.resolve(problems[0].file), line: problems[0].line, column: problems[0].column });
			expect(payload.err.loc!.line).toBeGreaterThan(1);
		} finally {
			fs.rmSync(root, { recursive: true, force: true });
		}
	}, 60_000);

	it('locates a problem that names only its file (a missing file)', () => {
		const [problem] = problemsOf(new Error('stories/x/routes.geojson not found. Run `npm run geo` to generate it.'));
		expect(problem).toEqual({ file: 'stories/x/routes.geojson', line: 0, column: 0, text: 'stories/x/routes.geojson not found. Run `npm run geo` to generate it.' });
		const payload = overlayError([problem], '/p');
		expect(payload.err).toMatchObject({ id: '/p/stories/x/routes.geojson', message: expect.stringContaining('not found') });
		expect(payload.err.loc).toBeUndefined();
	});
});
