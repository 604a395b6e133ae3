/**
 * `npm run story:check [-- <id>…] [--root <dir>]`: validates every edition of one, several or all story folders
 * without building the site, prints every problem at once (file:line:col, what is wrong, what to do), exits 1 on any.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { storyFolders, validateEdition } from '../../src/lib/story/catalog';
import { defaultStoriesRoot, naturalEarthCountries, readStoryFiles, shownPath } from './folder';
import { problemsOf, type Problem } from './problems';
import { isEntryPoint, fail } from './cli';

export interface EditionReport {
	id: string;
	lang: string;
	problems: Problem[];
}

export interface CheckReport {
	editions: EditionReport[];
	/** Problems that belong to no edition: an unknown story id, a folder without a story file. */
	folderProblems: string[];
}

/** Validates the editions of `ids` (default: every folder) under `root`. */
export function checkStories(root: string, ids: string[] = []): CheckReport {
	const folderProblems: string[] = [];
	const existing = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => fs.statSync(path.join(root, name)).isDirectory()) : [];
	for (const id of ids) {
		if (!existing.includes(id)) {
			folderProblems.push(`${shownPath(path.join(root, id))}: no such story folder. Stories in ${shownPath(root)}/: ${existing.join(', ') || 'none'}; \`npm run story:new -- ${id}\` starts one.`);
		}
	}
	const wanted = ids.length > 0 ? ids.filter((id) => existing.includes(id)) : existing;
	const folders = storyFolders(readStoryFiles(root, wanted));
	for (const id of wanted) {
		if (!folders.some((folder) => folder.id === id)) {
			folderProblems.push(`${shownPath(path.join(root, id))}: no story file. An edition is a file named story.<lang>.yaml, e.g. story.en.yaml.`);
		}
	}
	const editions = folders.flatMap((folder) =>
		folder.langs.map((lang) => {
			try {
				validateEdition(folder, lang, naturalEarthCountries());
				return { id: folder.id, lang, problems: [] };
			} catch (error) {
				return { id: folder.id, lang, problems: problemsOf(error) };
			}
		})
	);
	return { editions, folderProblems };
}

/** The report as printed: every problem, then one line per edition and a total. */
export function formatReport(report: CheckReport): { text: string; ok: boolean } {
	const lines: string[] = [...report.folderProblems];
	// Problems in a shared file (sources, places, routes) show once even when every edition reports them.
	const printed = new Set<string>();
	for (const edition of report.editions) {
		for (const problem of edition.problems) {
			if (!printed.has(problem.text)) lines.push(problem.text);
			printed.add(problem.text);
		}
	}
	if (lines.length > 0) lines.push('');
	for (const { id, lang, problems } of report.editions) {
		lines.push(`${problems.length === 0 ? '✓' : '✗'} ${id} (${lang})${problems.length ? `: ${problems.length} problem${problems.length === 1 ? '' : 's'}` : ''}`);
	}
	const failing = report.editions.filter((e) => e.problems.length > 0).length;
	const ok = failing === 0 && report.folderProblems.length === 0;
	const total = report.editions.length;
	const count = printed.size + report.folderProblems.length;
	const editions = (n: number) => `${n} edition${n === 1 ? '' : 's'}`;
	if (ok) lines.push(`All ${editions(total)} valid.`);
	else lines.push(`${count} problem${count === 1 ? '' : 's'}${total > 0 ? `; ${failing} of ${editions(total)} invalid` : ''}.`);
	return { text: lines.join('\n'), ok };
}

function main(): void {
	const { values, positionals } = parseArgs({ allowPositionals: true, options: { root: { type: 'string', default: defaultStoriesRoot } } });
	const report = checkStories(values.root!, positionals);
	if (report.editions.length === 0 && report.folderProblems.length === 0) fail(`No story folders in ${shownPath(values.root!)}/. Start one with \`npm run story:new -- <id>\`.`);
	const { text, ok } = formatReport(report);
	console.log(text);
	process.exitCode = ok ? 0 : 1;
}

if (isEntryPoint(import.meta.url)) main();
