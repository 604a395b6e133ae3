/**
 * Dev server only: a mistake in a story file shows in the browser as Vite's error overlay, with every problem
 * (file:line:col, what is wrong, what to do), as soon as the file is saved or a page opens; when the story is right
 * again the page reloads by itself. Validation is the site's own (`src/lib/story/catalog.ts`, loaded through the
 * dev server so `$lib` resolves), run on the changed story folder only.
 */
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { naturalEarthCountries, readStoryFiles } from './folder.ts';
import { problemsOf, type Problem } from './problems.ts';

/** Folders that hold story folders, relative to the project root (the second only joins with STORY_FIXTURES=1). */
const storyRoots = ['stories', 'tests/fixtures/stories'];

type Catalog = typeof import('../../src/lib/story/catalog');

/** `{ root, id }` when `file` is in a story folder, e.g. `<project>/stories/<id>/story.en.yaml`. */
export function storyFolderOf(file: string, projectRoot: string): { root: string; id: string } | undefined {
	const relative = path.relative(projectRoot, file).split(path.sep).join('/');
	for (const root of storyRoots) {
		const match = new RegExp(`^${root}/([^/]+)/[^/]+\\.(yaml|json|geojson)$`).exec(relative);
		if (match) return { root, id: match[1] };
	}
	return undefined;
}

/** The payload Vite's client shows as its error overlay. */
export function overlayError(problems: Problem[], projectRoot: string) {
	const first = problems.find((p) => p.line > 0) ?? problems[0];
	const file = first.file ? path.resolve(projectRoot, first.file) : '';
	const count = `${problems.length} problem${problems.length === 1 ? '' : 's'} in the story files`;
	return {
		type: 'error' as const,
		err: {
			message: `${problems.map((p) => p.text).join('\n')}\n(${count}; \`npm run story:check\` lists them too)`,
			stack: '',
			plugin: 'story-check',
			id: file,
			...(first.line > 0 && { loc: { file, line: first.line, column: first.column } })
		}
	};
}

export function storyErrorOverlay(): Plugin {
	/** Problems per story folder (`stories/<id>`) that has any. */
	const failing = new Map<string, Problem[]>();
	let checkedAll = false;

	async function check(server: ViteDevServer, root: string, ids?: string[]): Promise<void> {
		const projectRoot = server.config.root;
		const catalog = (await server.ssrLoadModule('/src/lib/story/catalog.ts')) as Catalog;
		const folders = catalog.storyFolders(readStoryFiles(root, ids, projectRoot));
		for (const id of ids ?? [...failing.keys()].filter((key) => key.startsWith(`${root}/`)).map((key) => key.slice(root.length + 1))) {
			failing.delete(`${root}/${id}`);
		}
		for (const folder of folders) {
			const problems = folder.langs.flatMap((lang) => {
				try {
					catalog.validateEdition(folder, lang, naturalEarthCountries());
					return [];
				} catch (error) {
					return problemsOf(error);
				}
			});
			// A problem in a shared file (sources, places) is reported by every edition: show it once.
			const unique = problems.filter((p, i) => problems.findIndex((q) => q.text === p.text) === i);
			if (unique.length > 0) failing.set(`${root}/${folder.id}`, unique);
		}
	}

	function showProblems(server: ViteDevServer): boolean {
		const problems = [...failing.values()].flat();
		if (problems.length === 0) return false;
		server.ws.send(overlayError(problems, server.config.root));
		return true;
	}

	return {
		name: 'story-error-overlay',
		apply: 'serve',
		configureServer(server) {
			// A page opened while a story is broken gets the overlay too: check every story once, on the first page.
			server.ws.on('connection', async () => {
				try {
					if (!checkedAll) for (const root of storyRoots) await check(server, root);
					checkedAll = true;
					showProblems(server);
				} catch (error) {
					server.config.logger.error(`story-error-overlay: ${(error as Error).message}`);
				}
			});
		},
		async handleHotUpdate({ file, server }) {
			const folder = storyFolderOf(file, server.config.root);
			if (!folder) return;
			const key = `${folder.root}/${folder.id}`;
			const wasFailing = failing.has(key);
			await check(server, folder.root, [folder.id]);
			if (showProblems(server)) return [];
			if (wasFailing) {
				server.ws.send({ type: 'full-reload', path: '*' });
				return [];
			}
		}
	};
}
