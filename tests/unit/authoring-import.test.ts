/**
 * `npm run story:import`: fixture files in each tool's documented shape (tests/fixtures/import/) become stories that
 * validate, with everything the story cannot hold listed in IMPORT-REPORT.md, and nothing unsafe carried over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStories } from '../../scripts/story/check';
import { naturalEarthCountries } from '../../scripts/story/folder';
import { htmlToMarkdown } from '../../scripts/story/html-to-markdown';
import { importStory } from '../../scripts/story/import';
import { readConfigScript } from '../../scripts/story/import-mapbox';
import { renderMarkdown } from '../../src/lib/story/markdown';

const FIXTURES = 'tests/fixtures/import';
let root: string;
beforeAll(() => {
	naturalEarthCountries();
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'story-import-'));
}, 60_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function imported(fixture: string, id: string) {
	const { dir } = importStory(path.join(FIXTURES, fixture), id, root);
	const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
	const files = fs.readdirSync(dir);
	return { dir, files, read, report: read('IMPORT-REPORT.md'), story: read(files.find((f) => f.startsWith('story.'))!) };
}

/** Everything an import writes that a reader or a browser could see. */
const written = (result: ReturnType<typeof imported>) => result.files.filter((f) => f !== 'IMPORT-REPORT.md').map(result.read).join('\n');

describe('a mapbox/storytelling config.js', () => {
	let result: ReturnType<typeof imported>;
	beforeAll(() => void (result = imported('config.js', 'from-mapbox')), 60_000);

	it('becomes a story that passes story:check, as a draft', () => {
		expect(checkStories(root, ['from-mapbox']).editions).toEqual([{ id: 'from-mapbox', lang: 'en', problems: [] }]);
		expect(result.story).toMatch(/^listed: false$/m);
		expect(result.story).toMatch(/^title: "Two harbours"$/m);
		expect(result.story).toMatch(/^summary: "From the Tagus to the Douro, by the coast road"$/m);
		expect(result.story).toMatch(/^credits: "By a Digital Storyteller"$/m);
	});

	it('turns each chapter\'s location into an explicit camera and its HTML into Markdown', () => {
		expect(result.story).toContain('  - id: slug-style-id\n    title: "The first harbour"\n    camera:\n      center: [-9.14, 38.71]\n      zoom: 11.5\n      bearing: -20\n      pitch: 60\n');
		expect(result.story).toContain('  - id: second-chapter\n');
		expect(result.story).toContain('The story starts on the **Tagus**, where [the river](https://example.com/tagus) meets the sea.');
	});

	it('cites the footer\'s link as an unverified source', () => {
		expect(result.read('sources.yaml')).toMatch(/harbours-report:\n {2}title: "Harbours report"\n {2}publisher: "example.com"\n {2}url: "https:\/\/example.com\/harbours-report"\n {2}unverified: true\n/);
		expect(result.story).toMatch(/^article: harbours-report$/m);
	});

	it('lists every feature with no equivalent in the report', () => {
		for (const expected of [
			/setting `style`/,
			/setting `accessToken`.*token was not copied/,
			/setting `use3dTerrain` \(true\): 3D terrain/,
			/setting `showMarkers`/,
			/setting `inset`/,
			/chapter `slug-style-id`: image "\.\/path\/to\/image\/source\.png"/,
			/chapter `slug-style-id`: callback \("highlightHarbour"\)/,
			/chapter `slug-style-id`: onChapterEnter: layer `harbour-fill` to opacity 1 over 5000 ms/,
			/chapter `slug-style-id`: onChapterExit: layer `harbour-fill` to opacity 0/,
			/chapter `second-chapter`: rotating camera/,
			/chapter `second-chapter`: camera animation \("jumpTo"\)/
		]) expect(result.report).toMatch(expected);
	});

	it('drops unsafe content from the text and reports it', () => {
		for (const expected of [
			/chapter `slug-style-id`: a <script>/,
			/chapter `slug-style-id`: a javascript: link/,
			/chapter `second-chapter`: an <iframe> \(embedded content\): https:\/\/video\.example\.com\/embed\/1/,
			/chapter `second-chapter`: event-handler attribute onerror/,
			/chapter `second-chapter`: an image: douro\.jpg/
		]) expect(result.report).toMatch(expected);
		const out = written(result);
		for (const unsafe of ['<script', 'alert', 'javascript:', '<iframe', 'onerror', 'steal', 'pk.not-a-real-token']) expect(out).not.toContain(unsafe);
	});
});

describe('a MapLibre port\'s config.js (const, a function, export default)', () => {
	it('is read without running anything outside its sandbox, and validates with a placeholder source', () => {
		const result = imported('maplibre-config.js', 'from-maplibre');
		expect(checkStories(root, ['from-maplibre']).editions[0].problems).toEqual([]);
		expect(result.report).toMatch(/chapter `mouth`: callback \(a function\)/);
		expect(result.report).toMatch(/onChapterEnter: layer `river-line` to opacity 0\.8/);
		expect(result.read('sources.yaml')).toMatch(/\n# Placeholder added by story:import .*\nsource-to-be-filled:\n(.*\n)* {2}unverified: true\n/);
		expect(result.story).toMatch(/^article: source-to-be-filled$/m);
		// Markdown and `{{…}}` look-alikes in plain text stay text.
		expect(renderMarkdown(/body: \|\n {6}(.*)/.exec(result.story)![1]).text).toBe('Plain text, with a {{brace}} that is not a figure and a * star.');
	});

	it('gives the script no way out: no process, no require, no eval, a time limit', () => {
		expect(() => readConfigScript('var config = { t: this.constructor.constructor("return process")().pid }', 'escape.js')).toThrow(/could not be read/);
		// Climbing from the context's global leads to its own Function, not the host's: nothing to climb out through.
		expect(readConfigScript('var config = { own: this.constructor.constructor === Function, process: typeof process, require: typeof require }', 'realm.js'))
			.toEqual({ own: true, process: 'undefined', require: 'undefined' });
		expect(() => readConfigScript('var config = { t: typeof require === "function" ? require("fs") : process.env }', 'require.js')).toThrow(/process is not defined/);
		expect(() => readConfigScript('var config = { t: eval("1") }', 'eval.js')).toThrow(/could not be read/);
		expect(() => readConfigScript('while (true) {}', 'loop.js')).toThrow(/timed out/);
		expect(() => readConfigScript('var notConfig = {}', 'none.js')).toThrow(/defines no `config` object/);
		expect(readConfigScript('window.config = { chapters: [], f: () => 1 }', 'window.js')).toEqual({ chapters: [], f: { __story_import_function__: '() => 1' } });
	});
});

describe('a Knight Lab StoryMapJS JSON file', () => {
	let result: ReturnType<typeof imported>;
	beforeAll(() => void (result = imported('storymap.json', 'from-storymapjs')), 60_000);

	it('becomes a story that passes story:check: the overview frames every place, each slide emphasises its own', () => {
		expect(checkStories(root, ['from-storymapjs']).editions[0].problems).toEqual([]);
		expect(result.story).toMatch(/^title: "Two harbours by slide"$/m);
		expect(result.story).toMatch(/ {2}- id: two-harbours-by-slide\n {4}title: "Two harbours by slide"\n {4}places: \[lisbon, porto\]\n/);
		expect(result.story).toMatch(/ {2}- id: lisbon\n {4}title: "Lisbon"\n {4}places: \[lisbon\]\n {4}max-zoom: 10\n/);
		expect(result.story).toMatch(/ {2}- id: porto\n {4}title: "Porto"\n {4}date: 2024-05-01\n/);
		expect(result.story).toContain('- Port wine\n      - Bridges');
	});

	it('makes places from slide locations, and a camera for a location at sea', () => {
		const places = JSON.parse(result.read('places.geojson')).features;
		expect(places.map((f: { properties: { id: string; country: string } }) => [f.properties.id, f.properties.country])).toEqual([['lisbon', 'Portugal'], ['porto', 'Portugal']]);
		expect(places[0].geometry.coordinates).toEqual([-9.1468, 38.7247]);
		expect(result.story).toMatch(/ {2}- id: out-at-sea\n {4}title: "Out at sea"\n {4}camera:\n {6}center: \[-12, 40\]\n {6}zoom: 6\n/);
		expect(result.report).toMatch(/chapter `out-at-sea`: its location \[-12, 40\] lies in no country/);
	});

	it('keeps a non-calendar date in the text, and turns a slide\'s media credit into a source', () => {
		expect(result.story).toMatch(/ {2}- id: lisbon\n(.*\n)*? {6}\*1755\*\n/);
		expect(result.read('sources.yaml')).toMatch(/example-photo-agency:\n {2}title: "The waterfront"\n {2}publisher: "Example Photo Agency"\n {2}url: "https:\/\/images\.example\.com\/lisbon\.jpg"\n {2}unverified: true/);
	});

	it('lists what it could not carry over and what it left out of the text', () => {
		for (const expected of [
			/setting `map_type` \("stamen:toner-lite"\)/,
			/chapter `lisbon`: media https:\/\/images\.example\.com\/lisbon\.jpg \("The waterfront"\), credit Example Photo Agency/,
			/chapter `porto`: slide background/,
			/chapter `porto`: marker icon/,
			/the line joining the slides' locations/,
			/chapter `lisbon`: an <iframe> \(embedded content\): https:\/\/maps\.example\.com\/embed/,
			/chapter `lisbon`: event-handler attribute onclick/
		]) expect(result.report).toMatch(expected);
		for (const unsafe of ['<iframe', 'onclick', 'track()']) expect(written(result)).not.toContain(unsafe);
	});
});

describe('the command', () => {
	it('refuses an existing folder, a bad id and a file of neither format', () => {
		expect(() => importStory(path.join(FIXTURES, 'storymap.json'), 'from-storymapjs', root)).toThrow(/already exists/);
		expect(() => importStory(path.join(FIXTURES, 'storymap.json'), 'Not An Id', root)).toThrow(/cannot be a story id/);
		const other = path.join(root, 'other.json');
		fs.writeFileSync(other, '{"slides": []}');
		expect(() => importStory(other, 'other', root)).toThrow(/neither a StoryMapJS file .* nor a storytelling config/);
		expect(fs.existsSync(path.join(root, 'other'))).toBe(false);
	});
});

describe('HTML to Markdown', () => {
	it('keeps paragraphs, emphasis, links, lists, quotes and line breaks', () => {
		expect(htmlToMarkdown('<p>One <b>bold </b>and <i>it</i>.</p><p>Two<br>lines &amp; <a href="https://x.org/a(b)">link</a></p>').markdown)
			.toBe('One **bold** and *it*.\n\nTwo\\\nlines & [link](https://x.org/a%28b%29)');
		expect(htmlToMarkdown('<ol><li>a<li>b</ol><blockquote><p>q1</p><p>q2</p></blockquote>').markdown).toBe('1. a\n2. b\n\n> q1\n>\n> q2');
	});

	it('leaves nothing that renders as raw HTML or a figure placeholder', () => {
		const { markdown } = htmlToMarkdown('a &lt;b&gt; tag, {{distance a b}} and 1. <code>x</code>');
		expect(renderMarkdown(markdown).rawHtml).toEqual([]);
		expect(renderMarkdown(markdown).text).toBe('a <b> tag, {{distance a b}} and 1. x');
	});

	it('drops and names scripts, frames, handlers and unsafe links, however they are spelt', () => {
		const { markdown, dropped } = htmlToMarkdown('<SCRIPT>x()</SCRIPT><a href=" JaVa\tScript:alert(1)">t</a><p ONCLICK="y()">p</p><a href="data:text/html,x">d</a><object data="f.swf"></object>');
		expect(markdown).toBe('t\n\np\n\nd');
		// Everything inside a dropped element goes with it, markup included.
		expect(htmlToMarkdown('<svg><text>drawn</text></svg><noscript><p>fallback</p></noscript><p>after</p>').markdown).toBe('after');
		expect([...dropped].sort()).toEqual([
			'a <script> (code is never carried over)',
			'a data: link (unsafe; its text is kept)',
			'a javascript: link (unsafe; its text is kept)',
			'an <object> (embedded content): f.swf',
			'event-handler attribute onclick on a <p> (code is never carried over)'
		]);
	});
});
