/**
 * Property-based tests of the story validator (fast-check): the real story folders, each file mutated at random
 * (fields deleted, retyped, duplicated, truncated, odd Unicode, HTML and script URLs written into text), either
 * validate to a story whose prose HTML is safe, or fail with a StoryValidationError whose every problem names a file
 * of the edition, a line and a column. Nothing else is ever thrown.
 *
 * Bounded: a fixed number of runs shared by all editions (TOTAL_RUNS), sized so the file takes about ten seconds alone
 * and well under a minute on a loaded two-core machine.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { allStoryFolders, naturalEarthCountries } from '../editions';
import { validateEdition, type StoryFolder } from '$lib/story/catalog';
import { StoryValidationError } from '$lib/story/errors';
import type { Story } from '$lib/story/types';

const countries = naturalEarthCountries();

const editions = allStoryFolders().flatMap((folder) =>
	folder.langs.map((lang) => ({ folder, lang, names: [`story.${lang}.yaml`, 'sources.yaml', 'places.geojson', 'route-defs.json', 'routes.geojson'] }))
);

/** Runs of each property over all editions together: every run validates a whole edition (0.1 s on an idle
 * machine, several times that on a loaded one). fast-check draws a new seed each time, so repeated runs explore
 * further; a failure prints the seed and the shrunk mutation that reproduce it. */
const TOTAL_RUNS = { mutatedFiles: 36, hostileBody: 18 };
const runsEach = (total: number) => Math.max(6, Math.ceil(total / Math.max(1, editions.length)));
/** A validation taking anywhere near this long is a hang for this test's purposes. */
const TEST_TIMEOUT_MS = 45_000;

// ---------------------------------------------------------------------------------------------------------------------
// What a mutated story may and may not come back as.

const HOSTILE_TEXT = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'<a href="javascript:alert(1)">link</a>',
	'[link](javascript:alert(1))',
	'[link](JaVaScRiPt:alert(1))',
	'[link](  javascript:alert(1) )',
	'[link](java\tscript:alert(1))',
	'[link](&#106;avascript:alert(1))',
	'[link](vbscript:msgbox(1))',
	'[link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'![image](javascript:alert(1))',
	'<javascript:alert(1)>',
	'[ref][x]\n\n[x]: javascript:alert(1)',
	'javascript:alert(1)',
	'"><svg onload=alert(1)>',
	'<!-- comment -->',
	'<style>body{display:none}</style>',
	'{{distance a b}}',
	'{{'
];
const ODD_TEXT = ['\u0000', '\u202e', '\ufeff', '\u200b', '\ud800', '\udfff', '\u2028', '\r', 'İ', 'e\u0301', '👩‍👩‍👧', 'ﷺ', '\t', ': ', ' #', '- ', '&', '*a', '!!binary', '|', '>'];

const oddString = fc.oneof(
	fc.constantFrom(...HOSTILE_TEXT, ...ODD_TEXT),
	fc.string({ unit: 'binary', maxLength: 12 }),
	fc.string({ unit: fc.constantFrom(...ODD_TEXT, ...'<>"\'&:[](){}#\n'), maxLength: 8 })
);

/** Any JSON-like value to put where another was. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
	oddString,
	fc.constantFrom(null, true, false, 0, -1, 1e309, Number.NaN, '', [], {}),
	fc.double(),
	fc.array(oddString, { maxLength: 3 }),
	fc.dictionary(oddString, oddString, { maxKeys: 2 })
);

const ALLOWED_TAGS = new Set(['p', 'em', 'strong', 'a', 'blockquote', 'ul', 'ol', 'li', 'code', 'pre', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'img', 's', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
const ALLOWED_ATTRIBUTES = new Set(['href', 'rel', 'src', 'alt', 'title', 'start', 'class', 'style']);

const decode = (text: string) =>
	text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|#39);/gi, (_, name: string) =>
		name[0] === '#' ? String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"' } as Record<string, string>)[name.toLowerCase()]
	);

/** Problems with prose HTML: a tag or attribute Markdown does not produce, or a link or image to a script URL. */
export function unsafeHtml(html: string): string[] {
	const found: string[] = [];
	for (const [tag, name, attributes] of html.matchAll(/<\/?([a-zA-Z][\w:-]*)([^>]*)>/g)) {
		if (!ALLOWED_TAGS.has(name.toLowerCase())) found.push(`tag ${tag}`);
		for (const [, attribute, value = ''] of attributes.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)) {
			const lower = attribute.toLowerCase();
			if (!ALLOWED_ATTRIBUTES.has(lower) || (lower === 'style' && !/^text-align:(left|right|center)$/.test(value))) found.push(`attribute ${attribute} in ${tag}`);
			const url = decode(value).replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
			if ((lower === 'href' || lower === 'src') && /^(javascript|vbscript|data:text|data:application):?/.test(url)) found.push(`script URL in ${tag}`);
		}
	}
	return found;
}

/** What is wrong with the outcome of validating (mutated) files; an empty list when it is acceptable. */
function outcomeProblems(run: () => Story, folder: StoryFolder, names: string[]): string[] {
	let story: Story;
	try {
		story = run();
	} catch (error) {
		// The catalog's own messages about a folder (a file missing, the id not the folder's) name the file first.
		if (!(error instanceof StoryValidationError))
			return error instanceof Error && error.message.startsWith(`${folder.dir}/`) ? [] : [`threw ${String(error)}\n${(error as Error)?.stack ?? ''}`];
		if (error.errors.length === 0) return ['a StoryValidationError without problems'];
		const paths = new Set(names.map((name) => `${folder.dir}/${name}`));
		return error.errors.flatMap((e) => {
			const where = `${e.file}:${e.line}:${e.column}`;
			const located = paths.has(e.file) && Number.isInteger(e.line) && e.line >= 1 && Number.isInteger(e.column) && e.column >= 1;
			const lines = (folder.files.get(e.file.slice(folder.dir.length + 1)) ?? '').split('\n').length;
			if (!located || e.line > lines + 1) return [`not located: ${where} ${e.message}`];
			if (!e.message.trim() || !String(e).startsWith(`${where} `)) return [`unreadable: ${String(e)}`];
			return [];
		});
	}
	return [
		...story.chapters.flatMap((chapter) => unsafeHtml(chapter.html).map((problem) => `chapter ${chapter.id}: ${problem}`)),
		...story.sources.filter((source) => !/^https?:\/\//i.test(source.url)).map((source) => `source ${source.id}: url ${source.url}`)
	];
}

// ---------------------------------------------------------------------------------------------------------------------
// Mutations of one file, in its text or in its parsed structure.

type Mutation = (text: string, isJson: boolean) => string;

/** Paths to every value in a parsed file; GeoJSON coordinates count as one value each (not every number in them). */
function valuePaths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
	out.push(prefix);
	if (prefix.at(-1) === 'coordinates' || typeof value !== 'object' || value === null) return out;
	for (const [key, child] of Object.entries(value)) valuePaths(child, [...prefix, Array.isArray(value) ? Number(key) : key], out);
	return out;
}

function structural(operation: 'delete' | 'retype' | 'duplicate' | 'append', pick: number, replacement: unknown): Mutation {
	return (text, isJson) => {
		const root = isJson ? JSON.parse(text) : parseYaml(text);
		const paths = valuePaths(root).slice(1);
		if (paths.length === 0) return text;
		const target = paths[pick % paths.length];
		const parent = target.slice(0, -1).reduce((node, key) => node[key] as Record<string, unknown>, root as Record<string, unknown>);
		const key = String(target.at(-1));
		const list = Array.isArray(parent) ? (parent as unknown[]) : undefined;
		if (operation === 'delete') {
			if (list) list.splice(Number(key), 1);
			else delete parent[key];
		} else if (operation === 'duplicate') {
			if (list) list.splice(Number(key), 0, structuredClone(list[Number(key)]));
			else parent[`${key}-copy`] = structuredClone(parent[key]);
		} else if (operation === 'append' && typeof parent[key] === 'string') parent[key] = `${parent[key]}${String(replacement)}`;
		else parent[key] = replacement;
		return isJson ? JSON.stringify(root, null, 2) : stringifyYaml(root);
	};
}

const textual = {
	truncate: (at: number): Mutation => (text) => text.slice(0, at % (text.length + 1)),
	insert: (at: number, inserted: string): Mutation => (text) => {
		const i = at % (text.length + 1);
		return text.slice(0, i) + inserted + text.slice(i);
	},
	deleteLine: (at: number): Mutation => (text) => {
		const lines = text.split('\n');
		lines.splice(at % lines.length, 1);
		return lines.join('\n');
	},
	duplicateLine: (at: number): Mutation => (text) => {
		const lines = text.split('\n');
		const i = at % lines.length;
		lines.splice(i, 0, lines[i]);
		return lines.join('\n');
	}
};

const mutation: fc.Arbitrary<{ label: string; apply: Mutation }> = fc.oneof(
	fc.tuple(fc.constantFrom('delete', 'retype', 'duplicate', 'append') as fc.Arbitrary<'delete' | 'retype' | 'duplicate' | 'append'>, fc.nat(), anyValue).map(([operation, pick, value]) => ({
		label: `${operation} value #${pick} (${JSON.stringify(value)})`,
		apply: structural(operation, pick, value)
	})),
	fc.nat().map((at) => ({ label: `truncate at ${at}`, apply: textual.truncate(at) })),
	fc.tuple(fc.nat(), oddString).map(([at, s]) => ({ label: `insert ${JSON.stringify(s)} at ${at}`, apply: textual.insert(at, s) })),
	fc.nat().map((at) => ({ label: `delete line ${at}`, apply: textual.deleteLine(at) })),
	fc.nat().map((at) => ({ label: `duplicate line ${at}`, apply: textual.duplicateLine(at) }))
);

/** A folder like `folder` with `name` replaced by `text`. */
function withFile(folder: StoryFolder, name: string, text: string): StoryFolder {
	return { ...folder, files: new Map([...folder.files, [name, text]]) };
}

describe('the story validator, given mutated story files', () => {
	it('finds story folders to mutate', () => {
		expect(editions.length).toBeGreaterThan(0);
	});

	for (const { folder, lang, names } of editions) {
		describe(`${folder.id} (${lang})`, () => {
			it('validates unmutated, with safe prose', () => {
				expect(outcomeProblems(() => validateEdition(folder, lang, countries), folder, names)).toEqual([]);
			});

			it(
				'returns a safe story or located errors for any one file mutated once or twice',
				() => {
					fc.assert(
						fc.property(fc.constantFrom(...names), fc.array(mutation, { minLength: 1, maxLength: 2 }), (name, mutations) => {
							let text = folder.files.get(name)!;
							for (const { apply } of mutations) {
								try {
									text = apply(text, !name.endsWith('.yaml'));
								} catch {
									// A structural mutation of a file an earlier one broke: leave the text as it is.
								}
							}
							const problems = outcomeProblems(() => validateEdition(withFile(folder, name, text), lang, countries), withFile(folder, name, text), names);
							expect(problems, `${name} after ${mutations.map((m) => m.label).join(', then ')}`).toEqual([]);
						}),
						{ numRuns: runsEach(TOTAL_RUNS.mutatedFiles) }
					);
				},
				TEST_TIMEOUT_MS
			);

			it(
				'never lets raw HTML or a script URL from a chapter body into its HTML',
				() => {
					const storyName = `story.${lang}.yaml`;
					const source = parseYaml(folder.files.get(storyName)!) as { chapters: { body: string }[] };
					fc.assert(
						fc.property(fc.nat(), fc.array(fc.constantFrom(...HOSTILE_TEXT), { minLength: 1, maxLength: 3 }), fc.boolean(), (pick, payloads, replace) => {
							const story = structuredClone(source);
							const chapter = story.chapters[pick % story.chapters.length];
							const added = payloads.join('\n\n');
							chapter.body = replace ? added : `${chapter.body}\n${added}\n`;
							const mutated = withFile(folder, storyName, stringifyYaml(story));
							expect(outcomeProblems(() => validateEdition(mutated, lang, countries), mutated, names), added).toEqual([]);
						}),
						{ numRuns: runsEach(TOTAL_RUNS.hostileBody) }
					);
				},
				TEST_TIMEOUT_MS
			);
		});
	}

	it('the HTML check itself finds script and markup that Markdown does not write', () => {
		expect(unsafeHtml('<p><a href="https://example.org" rel="noopener">ok</a> <em>ok</em></p>')).toEqual([]);
		expect(unsafeHtml('<p><script>alert(1)</script></p>')).not.toEqual([]);
		expect(unsafeHtml('<a href="java&#115;cript:alert(1)">x</a>')).not.toEqual([]);
		expect(unsafeHtml('<img src="x" onerror="alert(1)">')).not.toEqual([]);
	});
});
