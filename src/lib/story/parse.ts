/**
 * Parse story files into documents that remember where every value came from.
 * JSON is YAML 1.2, so GeoJSON and JSON files go through the same parser and their values get positions too.
 */
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { StoryError } from './errors';

export interface ParsedFile {
	/** Path shown in messages, relative to the project root. */
	path: string;
	text: string;
	doc: Document.Parsed;
	lineCounter: LineCounter;
}

/** Parses a YAML, JSON or GeoJSON file. Syntax errors come back as StoryErrors rather than thrown. */
export function parseFile(path: string, text: string): { file: ParsedFile; errors: StoryError[] } {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, prettyErrors: false });
	const file = { path, text, doc, lineCounter };
	const errors = /\.(geo)?json$/.test(path) ? jsonSyntaxErrors(file) : yamlSyntaxErrors(file);
	return { file, errors };
}

/** Where a node (or a character offset) is in its file: 1-based line and column. */
export function positionOf(file: ParsedFile, at: Node | number | null | undefined): { line: number; column: number } {
	const offset = typeof at === 'number' ? at : (at?.range?.[0] ?? 0);
	const { line, col } = file.lineCounter.linePos(offset);
	return { line, column: col };
}

export function errorAt(file: ParsedFile, at: Node | number | null | undefined, message: string, hint = ''): StoryError {
	const { line, column } = positionOf(file, at);
	return new StoryError(file.path, line, column, message, hint);
}

function yamlSyntaxErrors(file: ParsedFile): StoryError[] {
	return file.doc.errors.map((error) =>
		errorAt(
			file,
			error.pos[0],
			`YAML syntax error: ${error.message}`,
			error.code === 'DUPLICATE_KEY'
				? 'Each key may appear only once in a mapping; remove or rename the repeated one.'
				: 'Check indentation and quoting near here: text containing `: ` or ` #`, or starting with a special character such as `[`, `{`, `*`, `&` or `@`, must be quoted.'
		)
	);
}

/** JSON is checked with JSON.parse too: YAML accepts things JSON does not (trailing commas, comments),
 * and the browser reads these files as JSON. */
function jsonSyntaxErrors(file: ParsedFile): StoryError[] {
	try {
		JSON.parse(file.text);
		return [];
	} catch (error) {
		const reason = (error as Error).message.replace(/ in JSON at position \d+.*$/, '');
		const reported = /at position (\d+)/.exec((error as Error).message)?.[1];
		const offset = reported ? Number(reported) : (trailingCommaOffset(file.text) ?? file.doc.errors[0]?.pos[0] ?? 0);
		return [
			errorAt(
				file,
				offset,
				`JSON syntax error: ${reason}`,
				'Check for a missing or extra comma, quote or bracket here or just before (JSON allows no trailing commas or comments).'
			)
		];
	}
}

/** Offset of the first comma directly followed by `]` or `}`, skipping strings. */
function trailingCommaOffset(text: string): number | undefined {
	let lastComma: number | undefined;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (char === '"') {
			for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
			lastComma = undefined;
		} else if (char === ',') lastComma = i;
		else if ((char === ']' || char === '}') && lastComma !== undefined) return lastComma;
		else if (!/\s/.test(char)) lastComma = undefined;
	}
	return undefined;
}
