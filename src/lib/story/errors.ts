/** One problem in a story's files, with where it is and what to do about it. */
export class StoryError {
	constructor(
		/** Path relative to the project root, e.g. `stories/my-story/story.en.yaml`. */
		readonly file: string,
		/** 1-based. */
		readonly line: number,
		/** 1-based. */
		readonly column: number,
		/** What is wrong, without a final full stop, e.g. "chapter `harbour`: unknown place `harbor`". */
		readonly message: string,
		/** What to do, e.g. "Did you mean `harbour`? Places are defined in places.geojson in the story's folder." */
		readonly hint = ''
	) {}

	toString(): string {
		return `${this.file}:${this.line}:${this.column} ${this.message}.${this.hint ? ' ' + this.hint : ''}`;
	}
}

/** Thrown when a story does not validate. `message` starts with one `file:line:col …` line per problem,
 * so build output (Kit prerender, Vite dev overlay) shows every location at once. */
export class StoryValidationError extends Error {
	constructor(readonly errors: StoryError[]) {
		super(errors.map(String).join('\n') + `\n(${errors.length} problem${errors.length === 1 ? '' : 's'} in the story files)`);
		this.name = 'StoryValidationError';
	}
}

/** Where authors define things, named in hints. */
export const definedIn = {
	place: "Places are defined in places.geojson in the story's folder.",
	route: "Routes are defined in route-defs.json in the story's folder.",
	source: "Sources are defined in sources.yaml in the story's folder."
};

/** "Did you mean `x`?" for the candidate closest to `name`, or '' when none is close enough. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
	let best = '';
	let bestDistance = Infinity;
	for (const candidate of candidates) {
		const d = levenshtein(name, candidate);
		if (d < bestDistance) [best, bestDistance] = [candidate, d];
	}
	// A third of the name's length (at least 2 edits) still reads as a typo rather than a different id.
	return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? `Did you mean \`${best}\`?` : '';
}

function levenshtein(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
		}
		previous = current;
	}
	return previous[b.length];
}
