/**
 * Validates one edition of a story from its files' texts and compiles what the browser needs. Pure: takes file
 * texts, returns a Story or throws a StoryValidationError listing every problem as `file:line:col message. hint`.
 * Each file kind has its reader (read-*.ts); compile.ts turns what they read into the Story.
 */
import { indexCountries, type CountryFeature } from '$lib/geo/countries';
import { Checker, inFileOrder, newFound } from './checker';
import { compileStory } from './compile';
import { StoryValidationError } from './errors';
import { parseFile, type ParsedFile } from './parse';
import { readPlaceKinds } from './read-place-kinds';
import { readPlaces } from './read-places';
import { readRouteDefs, readRoutes } from './read-routes';
import { readSources } from './read-sources';
import { readLang, readStory } from './read-story';
import { readUiWords } from './read-ui';
import type { Story } from './types';

export type { CountryFeature };

export interface StoryFile {
	/** Shown in messages, relative to the project root: `stories/my-story/story.en.yaml`. */
	path: string;
	text: string;
}

export interface StoryFiles {
	story: StoryFile;
	sources: StoryFile;
	places: StoryFile;
	routeDefs: StoryFile;
	routes: StoryFile;
	/** place-kinds.yaml, when the story declares kinds of place of its own. */
	placeKinds?: StoryFile;
	/** ui.<lang>.yaml for the edition's language, when the story carries the interface's words. */
	ui?: StoryFile;
	/** Natural Earth 1:10m countries (world-atlas countries-10m as GeoJSON features). */
	countries: CountryFeature[];
}

export function validateStory(files: StoryFiles): Story {
	const found = newFound();
	const parse = ({ path, text }: StoryFile) => parseFile(path, text);
	const parsed = {
		story: parse(files.story),
		sources: parse(files.sources),
		places: parse(files.places),
		routeDefs: parse(files.routeDefs),
		routes: parse(files.routes),
		placeKinds: files.placeKinds && parse(files.placeKinds),
		ui: files.ui && parse(files.ui)
	};
	// Syntax first: checking the contents of a half-read file would only add misleading errors.
	const syntaxErrors = Object.values(parsed).flatMap((p) => p?.errors ?? []);
	if (syntaxErrors.length > 0) throw new StoryValidationError(inFileOrder(syntaxErrors));

	const checker = (file: { file: ParsedFile }) => new Checker(file.file, found);
	const storyChecker = checker(parsed.story);
	const lang = readLang({ checker: storyChecker, hasUiFile: parsed.ui !== undefined });
	// Names and descriptions need text in the edition's language or English; until `lang` is valid, check English.
	const textLang = lang ?? 'en';
	const sources = readSources({ checker: checker(parsed.sources) });
	const kinds = readPlaceKinds({ checker: parsed.placeKinds && checker(parsed.placeKinds), lang: textLang });
	const places = readPlaces({ checker: checker(parsed.places), sources, countries: indexCountries(files.countries), kinds, lang: textLang });
	const defsChecker = checker(parsed.routeDefs);
	const routeDefs = readRouteDefs({ checker: defsChecker, places, sources, lang: textLang });
	const routes = readRoutes({ checker: checker(parsed.routes), defsChecker, defs: routeDefs, places });
	const ui = parsed.ui && readUiWords({ checker: checker(parsed.ui) });
	const read = readStory({ checker: storyChecker, lang, sources, places, routes });
	const story = compileStory({ checker: storyChecker, story: read, places, routes, sources, ...(ui && { ui }) });

	if (found.errors.length > 0 || !story) throw new StoryValidationError(inFileOrder(found.errors));
	return story;
}
