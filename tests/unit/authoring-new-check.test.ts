/** `npm run story:new` and `npm run story:check`: a new story validates; a broken one is reported whole. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkStories, formatReport } from '../../scripts/story/check';
import { naturalEarthCountries } from '../../scripts/story/folder';
import { createStory, idProblem, schemaComment } from '../../scripts/story/new';

const temps: string[] = [];
function tempRoot(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-check-'));
	temps.push(dir);
	return dir;
}
beforeAll(() => void naturalEarthCountries(), 60_000);
afterEach(() => {
	for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const edit = (file: string, from: string | RegExp, to: string) => {
	const text = fs.readFileSync(file, 'utf8');
	const changed = text.replace(from, to);
	expect(changed, `${from} not in ${file}`).not.toBe(text);
	fs.writeFileSync(file, changed);
};

describe('story:new', () => {
	it('makes a folder with a story that validates: two chapters, one place, one source, English, no routes', () => {
		const root = tempRoot();
		const dir = createStory(root, 'my-story');
		expect(fs.readdirSync(dir).sort()).toEqual(['places.geojson', 'route-defs.json', 'routes.geojson', 'sources.yaml', 'story.en.yaml']);
		expect(checkStories(root).editions).toEqual([{ id: 'my-story', lang: 'en', problems: [] }]);
		const story = fs.readFileSync(path.join(dir, 'story.en.yaml'), 'utf8');
		expect(story.split('\n')[0]).toBe(schemaComment);
		expect(story.match(/^ {2}- id: /gm)).toHaveLength(2);
		expect(JSON.parse(fs.readFileSync(path.join(dir, 'places.geojson'), 'utf8')).features).toHaveLength(1);
		expect(JSON.parse(fs.readFileSync(path.join(dir, 'route-defs.json'), 'utf8'))).toEqual([]);
		expect(JSON.parse(fs.readFileSync(path.join(dir, 'routes.geojson'), 'utf8'))).toEqual({ type: 'FeatureCollection', features: [] });
	});

	it('starts from the city named with --place', () => {
		const root = tempRoot();
		const dir = createStory(root, 'harbour', { place: 'Maiquetia' });
		expect(fs.readFileSync(path.join(dir, 'places.geojson'), 'utf8')).toContain('"id": "maiquetia"');
		expect(checkStories(root).editions[0].problems).toEqual([]);
		expect(() => createStory(root, 'two', { place: 'San Jose' })).toThrow(/several cities match[\s\S]*Costa Rica/);
	});

	it('refuses an existing folder and a bad id, saying what to do', () => {
		const root = tempRoot();
		createStory(root, 'taken');
		expect(() => createStory(root, 'taken')).toThrow(/taken already exists\. Choose another id/);
		expect(idProblem('My Story')).toMatch(/cannot be a story id.*e\.g\. `my-story`/);
		expect(() => createStory(root, 'Bad_Id')).toThrow(/`bad-id`/);
		expect(fs.readdirSync(root)).toEqual(['taken']);
	});
});

describe('story:check', () => {
	it('reports every problem of every edition at once, with file:line:col, what and what to do', () => {
		const root = tempRoot();
		const dir = createStory(root, 'broken');
		createStory(root, 'fine');
		const story = path.join(dir, 'story.en.yaml');
		edit(story, /places: \[(\S+)\]/, 'places: [$1x]');
		edit(story, 'title: "The wider view"', 'title: 42');
		edit(path.join(dir, 'places.geojson'), '"precision": "city"', '"precision": "town"');
		const report = checkStories(root);
		const broken = report.editions.find((e) => e.id === 'broken')!;
		expect(broken.problems).toHaveLength(3);
		for (const problem of broken.problems) expect(problem.text).toMatch(/^\S+\/broken\/(story\.en\.yaml|places\.geojson):\d+:\d+ .+\. .+/);
		expect(broken.problems.map((p) => p.text).join('\n')).toMatch(/unknown place `\w+x`\./);
		expect(report.editions.find((e) => e.id === 'fine')!.problems).toEqual([]);
		const { text, ok } = formatReport(report);
		expect(ok).toBe(false);
		expect(text).toMatch(/✗ broken \(en\): 3 problems\n✓ fine \(en\)\n3 problems; 1 of 2 editions invalid\.$/);
	});

	it('checks every edition of a story folder', () => {
		const root = tempRoot();
		const dir = createStory(root, 'two-langs');
		const english = fs.readFileSync(path.join(dir, 'story.en.yaml'), 'utf8');
		fs.writeFileSync(path.join(dir, 'story.es.yaml'), english.replace('lang: en', 'lang: es').replace('sources: [natural-earth]', 'sources: [natural-earthh]'));
		const report = checkStories(root);
		expect(report.editions.map((e) => [e.lang, e.problems.length])).toEqual([['en', 0], ['es', 1]]);
		expect(report.editions[1].problems[0].text).toMatch(/story\.es\.yaml:\d+:\d+ .*unknown source `natural-earthh`/);
	});

	it('names an unknown story and a folder without a story file', () => {
		const root = tempRoot();
		createStory(root, 'real');
		fs.mkdirSync(path.join(root, 'empty'));
		const report = checkStories(root, ['nope', 'empty']);
		expect(report.folderProblems).toEqual([
			expect.stringMatching(/nope: no such story folder\. Stories in .*: empty, real; `npm run story:new -- nope` starts one\./),
			expect.stringMatching(/empty: no story file\. An edition is a file named story\.<lang>\.yaml/)
		]);
		expect(formatReport(report).ok).toBe(false);
	});

	it('as a command: prints the problems and exits 1; exits 0 once they are fixed', () => {
		const root = tempRoot();
		const dir = createStory(root, 'cli');
		const story = path.join(dir, 'story.en.yaml');
		const good = fs.readFileSync(story, 'utf8');
		edit(story, 'sources: [natural-earth]', 'sources: [nowhere]');
		const run = () => spawnSync('npx', ['tsx', '--tsconfig', 'scripts/story/tsconfig.json', 'scripts/story/check.ts', 'cli', '--root', root], { encoding: 'utf8' });
		const failed = run();
		expect(failed.status).toBe(1);
		expect(failed.stdout).toMatch(/story\.en\.yaml:\d+:\d+ chapter `[a-z-]+`: unknown source `nowhere`\./);
		fs.writeFileSync(story, good);
		const passed = run();
		expect(passed.status).toBe(0);
		expect(passed.stdout).toContain('✓ cli (en)');
	}, 60_000);
});
