/**
 * `npm run story:import -- <file> --id <id> [--root <dir>]`: turns a mapbox/storytelling `config.js` (or a MapLibre
 * port's, or the same config as JSON) or a Knight Lab StoryMapJS JSON file into a draft story folder, prints what was
 * and was not carried over (also written as IMPORT-REPORT.md in the folder), then checks the new story.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkStories, formatReport } from './check';
import { fail, isEntryPoint } from './cli';
import { defaultStoriesRoot, shownPath } from './folder';
import { reportMarkdown, writeDraft, type Draft } from './import-draft';
import { importMapboxConfig, readConfigScript } from './import-mapbox';
import { importStoryMapJs, isStoryMapJs } from './import-storymapjs';
import { idProblem } from './new';

/** Reads the file and converts it with the importer its contents call for. */
export function draftFromFile(file: string, id: string): Draft {
	const text = fs.readFileSync(file, 'utf8');
	const shown = shownPath(file);
	if (/\.json$/i.test(file)) {
		let data: unknown;
		try {
			data = JSON.parse(text);
		} catch (error) {
			throw new Error(`${shown} is not valid JSON: ${(error as Error).message}`);
		}
		if (isStoryMapJs(data)) return importStoryMapJs(data, shown, id);
		if (typeof data === 'object' && data !== null && Array.isArray((data as { chapters?: unknown }).chapters)) {
			return importMapboxConfig(data as Parameters<typeof importMapboxConfig>[0], shown, id);
		}
		throw new Error(`${shown}: neither a StoryMapJS file (\`{ "storymap": { "slides": […] } }\`) nor a storytelling config (\`{ "chapters": […] }\`).`);
	}
	return importMapboxConfig(readConfigScript(text, shown), shown, id);
}

/** Imports `file` as the story `id` under `root`; returns the folder and the draft. */
export function importStory(file: string, id: string, root: string): { dir: string; draft: Draft } {
	const problem = idProblem(id);
	if (problem) throw new Error(problem);
	if (fs.existsSync(path.join(root, id))) throw new Error(`${shownPath(path.join(root, id))} already exists. Import under another --id, or remove that folder first.`);
	const draft = draftFromFile(file, id);
	return { dir: writeDraft(root, draft), draft };
}

function main(): void {
	const { values, positionals } = parseArgs({ allowPositionals: true, options: { id: { type: 'string' }, root: { type: 'string', default: defaultStoriesRoot } } });
	const usage = 'Usage: npm run story:import -- <config.js | storymap.json> --id <new-story-id>';
	if (positionals.length !== 1 || !values.id) fail(usage);
	const [file] = positionals;
	if (!fs.existsSync(file)) fail(`${file} not found. ${usage}`);
	let result: ReturnType<typeof importStory> | undefined;
	try {
		result = importStory(file, values.id, values.root!);
	} catch (error) {
		fail(`Nothing imported: ${(error as Error).message}`);
	}
	const { dir, draft } = result!;
	console.log(reportMarkdown(draft));
	console.log(`Written to ${shownPath(dir)}/ (this report: ${shownPath(dir)}/IMPORT-REPORT.md).\n`);
	const { text, ok } = formatReport(checkStories(values.root!, [values.id]));
	console.log(text);
	process.exitCode = ok ? 0 : 1;
}

if (isEntryPoint(import.meta.url)) main();
