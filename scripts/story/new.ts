/**
 * `npm run story:new -- <id> [--place "<name>"] [--country XX] [--root <dir>]`: starts a story folder with a minimal
 * valid story (two chapters, one place from the gazetteer, one source, an English edition, no routes) that the
 * site builds and lists at once, then says what to edit next.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkStories, formatReport } from './check';
import { fail, isEntryPoint } from './cli';
import { defaultStoriesRoot, shownPath, storyIdPattern } from './folder';
import { describeCandidate, lookUp } from './gazetteer';
import { placeFor } from './place';
import { naturalEarthSource, naturalEarthSourceId } from './place-file';

/** The place a new story starts with unless `--place` names another. */
export const defaultPlace = 'Lisbon';

/** The line that tells editors (VS Code with the YAML extension) which schema a story file follows. */
export const schemaComment = '# yaml-language-server: $schema=../../schemas/story.schema.json';

/** An empty routes.geojson, as `npm run geo` writes it for a story without routes. */
export const emptyRoutes = '{"type":"FeatureCollection","features":[\n\n]}\n';

/** `my-story` → `My story`. */
export function titleFromId(id: string): string {
	const words = id.replace(/-/g, ' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What an id needs to become a folder name, or '' when it is fine. */
export function idProblem(id: string): string {
	if (storyIdPattern.test(id)) return '';
	const suggestion = id.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
	return `\`${id}\` cannot be a story id: use lowercase letters, digits and single hyphens${suggestion ? `, e.g. \`${suggestion}\`` : ''}. The id is the folder's name and part of every address of the story (/en/<id>/).`;
}

/** The files of a new story, by name. */
export function newStoryFiles(id: string, options: { place?: string; country?: string; today?: string } = {}): Record<string, string> {
	const query = options.place ?? defaultPlace;
	const found = lookUp(query, { country: options.country, kind: 'place' });
	if (found.status !== 'found') {
		const listed = [...found.candidates, ...found.suggestions].map(describeCandidate).join('\n');
		throw new Error(`--place "${query}"${options.country ? ` --country ${options.country}` : ''}: ${found.status === 'ambiguous' ? 'several cities match' : 'no city or town of that name in Natural Earth'}.${listed ? `\n${listed}` : ''}\nName one city (add --country XX to tell apart cities of the same name).`);
	}
	const candidate = found.candidates[0];
	const placeId = candidate.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
	const place = placeFor(candidate, placeId);
	const [lon, lat] = candidate.lonLat;
	const today = options.today ?? new Date().toISOString().slice(0, 10);
	const story = `${schemaComment}
# One edition of the story \`${id}\`, in English. How to write it: docs/writing-a-story.md.
id: ${id}
lang: en
title: "${titleFromId(id)}"
summary: "One line under the title: what the story is about."
credits: "Text and map by … Basemap © Natural Earth (public domain)."
published: ${today}
# The source the story is told from: add your article to sources.yaml and put its id here.
article: ${naturalEarthSourceId}
chapters:
  - id: where-it-begins
    title: "Where it begins"
    # Places this chapter emphasises; the camera frames them (max-zoom keeps a single place in context).
    places: [${placeId}]
    max-zoom: 5
    sources: [${naturalEarthSourceId}]
    body: |
      Write each chapter in Markdown: **bold**, *italic*, [links](https://www.naturalearthdata.com/)
      and quotes starting with \`>\`. This chapter shows ${candidate.name}; find more places by name with
      \`npm run story:place -- ${id} "<name>"\`.

  - id: the-wider-view
    title: "The wider view"
    # An explicit view instead of framing places: [longitude, latitude] and a zoom level.
    camera:
      center: [${lon}, ${lat}]
      zoom: 3
    sources: [${naturalEarthSourceId}]
    body: |
      A chapter can also set its own camera. Once the story has two places, the distance between
      them is written as a placeholder that the build computes, never typed: see \"Distances\" in
      docs/writing-a-story.md.
`;
	return {
		[`story.en.yaml`]: story,
		'sources.yaml': `# Every source the story, its places or its routes cite, by id.\n${naturalEarthSource}`,
		'places.geojson': JSON.stringify({ type: 'FeatureCollection', features: [place] }, null, 2) + '\n',
		'route-defs.json': '[]\n',
		'routes.geojson': emptyRoutes
	};
}

/** Writes the new story's folder under `root`; refuses a bad id or an existing folder. Returns the folder. */
export function createStory(root: string, id: string, options: { place?: string; country?: string; today?: string } = {}): string {
	const problem = idProblem(id);
	if (problem) throw new Error(problem);
	const dir = path.join(root, id);
	if (fs.existsSync(dir)) throw new Error(`${shownPath(dir)} already exists. Choose another id, or edit that story (\`npm run story:check -- ${id}\` checks it).`);
	const files = newStoryFiles(id, options);
	fs.mkdirSync(dir, { recursive: true });
	for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
	return dir;
}

function main(): void {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: { place: { type: 'string' }, country: { type: 'string' }, root: { type: 'string', default: defaultStoriesRoot } }
	});
	if (positionals.length !== 1) fail('Usage: npm run story:new -- <id> [--place "<city>"] [--country XX]\nThe id names the folder (stories/<id>/) and the addresses: lowercase letters, digits and hyphens.');
	const [id] = positionals;
	let dir = '';
	try {
		dir = createStory(values.root!, id, { place: values.place, country: values.country });
	} catch (error) {
		fail((error as Error).message);
	}
	const shown = shownPath(dir);
	console.log(`Created ${shown}/:
  story.en.yaml     the English edition: title, summary, credits and two chapters to rewrite
  sources.yaml      every source cited, by id (one to start: Natural Earth)
  places.geojson    the story's places (one to start)
  route-defs.json   routes as lists of places (none yet); \`npm run geo\` draws them into routes.geojson

Next:
  1. npm run dev and open http://localhost:5173/en/${id}/ : the page follows every save, and a mistake shows in it.
  2. Add your article to sources.yaml and set \`article:\` to its id; rewrite the title, summary and chapters.
  3. Find places by name: npm run story:place -- ${id} "<name>"   (then --add <id> to add one)
  4. Check everything at once: npm run story:check -- ${id}
The guide: docs/writing-a-story.md
`);
	const { text, ok } = formatReport(checkStories(values.root!, [id]));
	console.log(text);
	process.exitCode = ok ? 0 : 1;
}

if (isEntryPoint(import.meta.url)) main();
