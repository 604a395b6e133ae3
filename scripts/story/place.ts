/**
 * `npm run story:place -- <story> "<name>" [--country XX] [--kind city|airport|country] [--pick N] [--add <id>]`:
 * looks a name up in the offline Natural Earth gazetteer and, with `--add`, writes the one clear match into the
 * story's places.geojson (precision `city` for a populated place, `site` for an airport; Natural Earth as source).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkStories, formatReport } from './check';
import { fail, isEntryPoint } from './cli';
import { defaultStoriesRoot, shownPath, storyIdPattern } from './folder';
import { describeCandidate, lookUp, type Candidate, type CandidateKind } from './gazetteer';
import { appendFeature, naturalEarthSourceId, placeFeature, placeIds, withNaturalEarthSource } from './place-file';

const kinds = ['capital', 'city', 'place', 'airport', 'country'];

/** The place written for a candidate, or why it cannot be one. */
export function placeFor(candidate: Candidate, id: string) {
	if (candidate.kind === 'country') {
		throw new Error(`${candidate.name} is a country: a story's places are points (a city, an airport, a site). To show a whole country, frame places in it or set a chapter \`camera\`.`);
	}
	const airport = candidate.kind === 'airport';
	const code = airport && candidate.code ? ` (${candidate.code})` : '';
	return placeFeature({
		id,
		lonLat: candidate.lonLat,
		name: candidate.name,
		kind: candidate.kind,
		precision: airport ? 'site' : 'city',
		country: candidate.country,
		description: airport ? `${candidate.name}${code}, ${candidate.country}.` : candidate.kind === 'capital' ? `${candidate.name}, capital of ${candidate.country}.` : `${candidate.name}, ${candidate.country}.`,
		sources: [naturalEarthSourceId]
	});
}

/** Adds the place to the story folder's places.geojson (and the Natural Earth source to sources.yaml if missing). */
export function addPlace(dir: string, candidate: Candidate, id: string): void {
	const placesFile = path.join(dir, 'places.geojson');
	const sourcesFile = path.join(dir, 'sources.yaml');
	const places = fs.readFileSync(placesFile, 'utf8');
	if (placeIds(places).includes(id)) throw new Error(`${shownPath(placesFile)} already has a place \`${id}\`. Choose another id.`);
	const feature = placeFor(candidate, id);
	const sources = fs.existsSync(sourcesFile) ? fs.readFileSync(sourcesFile, 'utf8') : '';
	fs.writeFileSync(placesFile, appendFeature(places, feature));
	const withSource = withNaturalEarthSource(sources);
	if (withSource !== sources) fs.writeFileSync(sourcesFile, withSource);
}

function main(): void {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			country: { type: 'string' },
			kind: { type: 'string' },
			pick: { type: 'string' },
			add: { type: 'string' },
			root: { type: 'string', default: defaultStoriesRoot }
		}
	});
	const [story, name] = positionals;
	const usage = 'Usage: npm run story:place -- <story> "<name>" [--country XX] [--kind city|airport|country] [--pick N] [--add <id>]';
	if (!story || !name || positionals.length > 2) fail(`${usage}\n(Put a name with spaces in quotes.)`);
	const dir = path.join(values.root!, story);
	if (!fs.existsSync(path.join(dir, 'places.geojson'))) fail(`${shownPath(dir)}/places.geojson not found. Is \`${story}\` the story's folder name? \`npm run story:new -- ${story}\` starts one.`);
	if (values.kind && !kinds.includes(values.kind)) fail(`--kind ${values.kind}: use one of ${kinds.join(', ')}.`);
	if (values.add !== undefined && !storyIdPattern.test(values.add)) fail(`--add ${values.add}: a place id is lowercase letters, digits and hyphens, e.g. --add ${values.add.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'caracas'}.`);

	const result = lookUp(name, { country: values.country, kind: values.kind as CandidateKind | 'place' | undefined });
	const filters = [values.country && `in ${values.country}`, values.kind && `of kind ${values.kind}`].filter(Boolean).join(' ');
	if (result.status === 'none') {
		console.log(`No place named "${name}"${filters ? ` ${filters}` : ''} in Natural Earth.`);
		if (result.suggestions.length > 0) console.log(`Names that come close:\n${result.suggestions.map(describeCandidate).join('\n')}`);
		console.log('Nothing written. Try another spelling or a nearby town, or add the place by hand (see docs/writing-a-story.md).');
		process.exitCode = 1;
		return;
	}
	const pick = values.pick === undefined ? undefined : Number(values.pick);
	if (pick !== undefined && !(Number.isInteger(pick) && pick >= 1 && pick <= result.candidates.length)) fail(`--pick ${values.pick}: choose a number from 1 to ${result.candidates.length}.`);
	const list = result.candidates.map(describeCandidate).join('\n');
	if (result.status === 'ambiguous' && pick === undefined) {
		console.log(`"${name}" is ambiguous: ${result.candidates.length} matches${filters ? ` ${filters}` : ''}.\n${list}`);
		console.log('Nothing written. Narrow it with --country XX (ISO code) or --kind city|airport, or choose one with --pick N.');
		process.exitCode = values.add ? 1 : 0;
		return;
	}
	const chosen = result.candidates[(pick ?? 1) - 1];
	console.log(`${result.status === 'found' ? 'Found' : 'Chosen'}:\n${describeCandidate(chosen, (pick ?? 1) - 1)}`);
	if (!values.add) {
		const suggested = chosen.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
		const narrowing = [values.country && `--country ${values.country}`, values.kind && `--kind ${values.kind}`, pick && `--pick ${pick}`].filter(Boolean).join(' ');
		console.log(`Add it with: npm run story:place -- ${story} "${name}"${narrowing ? ` ${narrowing}` : ''} --add ${suggested}`);
		return;
	}
	try {
		addPlace(dir, chosen, values.add);
	} catch (error) {
		fail(`Nothing written: ${(error as Error).message}`);
	}
	console.log(`Added place \`${values.add}\` to ${shownPath(dir)}/places.geojson (Natural Earth cited as \`${naturalEarthSourceId}\`).`);
	console.log(`Next: check its description in places.geojson, then name it in a chapter: places: [${values.add}]`);
	const { text, ok } = formatReport(checkStories(values.root!, [story]));
	console.log(text);
	process.exitCode = ok ? 0 : 1;
}

if (isEntryPoint(import.meta.url)) main();
