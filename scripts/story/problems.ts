/**
 * What validation threw, as the problems an author reads: one `file:line:col what. what to do` line each, with the
 * location kept for the dev-server overlay. Relies only on what `validateEdition` throws: an error whose `errors`
 * list each problem (StoryValidationError), or a plain Error whose message starts with the file (a missing file).
 */
export interface Problem {
	file: string;
	/** 1-based; 0 when only the file is known. */
	line: number;
	column: number;
	/** The whole line as printed. */
	text: string;
}

interface Located {
	file: string;
	line: number;
	column: number;
	toString(): string;
}

export function problemsOf(error: unknown): Problem[] {
	const listed = (error as { errors?: unknown }).errors;
	if (Array.isArray(listed) && listed.every(isLocated)) {
		return listed.map((e: Located) => ({ file: e.file, line: e.line, column: e.column, text: String(e) }));
	}
	const message = error instanceof Error ? error.message : String(error);
	const file = /^(\S+?\.(?:yaml|json|geojson))\b/.exec(message)?.[1] ?? '';
	return [{ file, line: 0, column: 0, text: message }];
}

function isLocated(value: unknown): value is Located {
	const e = value as Located;
	return typeof e?.file === 'string' && typeof e.line === 'number' && typeof e.column === 'number';
}
