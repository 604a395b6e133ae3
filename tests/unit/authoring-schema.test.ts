/**
 * schemas/story.schema.json, which editors use to complete and flag story files while typing, agrees with the
 * validator: every real story and fixture story passes it, wrong types and unknown fields fail it, and its field
 * lists and languages are exactly those the validator knows (read from the validator's own messages).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { naturalEarthCountries } from '../../scripts/story/folder';
import { importStory } from '../../scripts/story/import';
import { createStory } from '../../scripts/story/new';
import { validateStory, type StoryFiles } from '../../src/lib/story/validate';

const schema = JSON.parse(fs.readFileSync('schemas/story.schema.json', 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const problems = (text: string) => (validate(parse(text)) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`));

function storyFilesIn(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		return entry.isDirectory() ? storyFilesIn(file) : /^(.*\.)?story\.[a-z-]+\.yaml$/.test(entry.name) ? [file] : [];
	});
}

let temp: string;
beforeAll(() => {
	naturalEarthCountries();
	temp = fs.mkdtempSync(path.join(os.tmpdir(), 'story-schema-'));
	createStory(temp, 'from-template');
	for (const fixture of fs.readdirSync('tests/fixtures/import')) importStory(path.join('tests/fixtures/import', fixture), `imported-${fixture.replace(/\W+/g, '-')}`, temp);
}, 60_000);
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

describe('the story file schema', () => {
	it('accepts every published story, every valid fixture, a new story and every imported one', () => {
		const files = [...storyFilesIn('stories'), ...storyFilesIn('tests/fixtures/stories'), 'tests/fixtures/valid/story.en.yaml', ...storyFilesIn(temp)];
		expect(files.filter((f) => f.startsWith('stories')).length).toBeGreaterThan(0);
		expect(files.filter((f) => f.startsWith(temp)).length).toBe(1 + fs.readdirSync('tests/fixtures/import').length);
		for (const file of files) expect(problems(fs.readFileSync(file, 'utf8')), file).toEqual([]);
	});

	it('flags what the validator refuses for its type or name', () => {
		expect(problems(fs.readFileSync('tests/fixtures/broken/unknown-field.story.en.yaml', 'utf8')).join('\n')).toMatch(/must NOT have additional properties/);
		expect(problems(fs.readFileSync('tests/fixtures/broken/wrong-type.story.en.yaml', 'utf8')).join('\n')).toMatch(/must be/);
		expect(problems(fs.readFileSync('tests/fixtures/broken/bad-chapter-id.story.en.yaml', 'utf8')).join('\n')).toMatch(/\/chapters\/\d+\/id must match pattern/);
		expect(problems(fs.readFileSync('tests/fixtures/broken/unknown-lang.story.en.yaml', 'utf8')).join('\n')).toMatch(/\/lang must match pattern/);
		const partial = problems('id: x\nlang: en\ntitle: 5\n');
		expect(partial).toContain('/title must be string');
		expect(partial).toContain(" must have required property 'chapters'");
	});

	describe('stays in step with the validator', () => {
		const valid = Object.fromEntries(
			(['story', 'sources', 'places', 'routeDefs', 'routes'] as const).map((role, i) => {
				const name = ['story.en.yaml', 'sources.yaml', 'places.geojson', 'route-defs.json', 'routes.geojson'][i];
				return [role, { path: `tests/fixtures/valid/${name}`, text: fs.readFileSync(`tests/fixtures/valid/${name}`, 'utf8') }];
			})
		) as Omit<StoryFiles, 'countries'>;
		/** The validator's messages for the valid fixture's story file changed by `edit`. */
		const messages = (edit: (text: string) => string): string => {
			try {
				validateStory({ ...valid, story: { ...valid.story, text: edit(valid.story.text) }, countries: naturalEarthCountries() });
				return '';
			} catch (error) {
				return String((error as Error).message);
			}
		};
		/** "Known fields: a, b, c." from the message for a field no known one resembles. */
		const knownFields = (message: string) => /Known fields: ([^.]+)\./.exec(message)?.[1].split(', ').sort();
		const chapterStart = /^( {2}- id: .*\n)/m;

		it('story fields', () => {
			const known = knownFields(messages((t) => `${t}\nzzzzzzzzzzzzzzzz: 1\n`));
			expect(known).toEqual(Object.keys(schema.properties).sort());
		});

		it('chapter fields', () => {
			const known = knownFields(messages((t) => t.replace(chapterStart, '$1    zzzzzzzzzzzzzzzz: 1\n')));
			expect(known).toEqual(Object.keys(schema.definitions.chapter.properties).sort());
		});

		it('camera fields', () => {
			const known = knownFields(messages((t) => t.replace(chapterStart, '$1    camera: { center: [0, 0], zoom: 2, zzzzzzzzzzzzzzzz: 1 }\n')));
			expect(known).toEqual(Object.keys(schema.definitions.camera.properties).sort());
		});

		it('required fields, in the story and in a chapter', () => {
			const story = parse(valid.story.text);
			const without = (drop: (copy: typeof story) => void) => {
				const copy = structuredClone(story);
				drop(copy);
				return messages(() => stringify(copy));
			};
			for (const field of Object.keys(schema.properties)) {
				const missing = without((copy) => delete copy[field]).includes(`missing required field \`${field}\``);
				expect(missing, `story \`${field}\``).toBe(schema.required.includes(field));
			}
			for (const field of Object.keys(schema.definitions.chapter.properties)) {
				const missing = without((copy) => delete copy.chapters[0][field]).includes(`missing required field \`${field}\``);
				expect(missing, `chapter \`${field}\``).toBe(schema.definitions.chapter.required.includes(field));
			}
		});

		it('languages: any BCP 47 tag, nothing else', () => {
			const withLang = (lang: string) => (t: string) => t.replace(/^lang: .*$/m, `lang: ${lang}`);
			const pattern = new RegExp(schema.properties.lang.pattern);
			for (const tag of ['en', 'ja', 'pt-BR', 'zh-Hant', 'es-419']) {
				expect(pattern.test(tag), tag).toBe(true);
				expect(messages(withLang(tag)).includes('is not a language tag'), tag).toBe(false);
			}
			for (const notATag of ['english', 'EN_us', 'e']) {
				expect(pattern.test(notATag), notATag).toBe(false);
				expect(messages(withLang(notATag)).includes('is not a language tag'), notATag).toBe(true);
			}
		});
	});
});
