/**
 * Reads fields from one parsed story file and reports every problem at its place in that file
 * (`file:line:col what. what to do`). The readers of each file kind are built on it.
 */
import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Position } from 'geojson';
import type { TextProblem } from './computed';
import { definedIn, didYouMean, StoryError } from './errors';
import { errorAt, type ParsedFile } from './parse';

export type IdKind = keyof typeof definedIn;

/** What validation has found so far, shared by the checkers of all of a story's files. */
export interface Found {
	errors: StoryError[];
	/** Every id defined, valid or not: a reference to an invalid definition is not reported again as unknown. */
	declared: Record<IdKind, Set<string>>;
	/** Kinds whose whole file could not be read: references to them are not reported as unknown. */
	unreadable: Set<IdKind>;
}

export function newFound(): Found {
	return { errors: [], declared: { place: new Set(), route: new Set(), source: new Set() }, unreadable: new Set() };
}

export function inFileOrder(errors: StoryError[]): StoryError[] {
	return [...errors].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

export const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

type ValueKind = 'text' | 'number' | 'boolean' | 'list' | 'mapping';
const kindWords: Record<ValueKind | 'empty' | 'other', string> = {
	text: 'text',
	number: 'a number',
	boolean: 'true or false',
	list: 'a list',
	mapping: 'a mapping',
	empty: 'empty',
	other: 'something else'
};

export function kindOf(node: unknown): ValueKind | 'empty' | 'other' {
	if (isMap(node)) return 'mapping';
	if (isSeq(node)) return 'list';
	if (!isScalar(node)) return 'other';
	const value = node.value;
	if (value === null || value === '') return 'empty';
	if (typeof value === 'string') return 'text';
	if (typeof value === 'number') return 'number';
	if (typeof value === 'boolean') return 'boolean';
	return 'other';
}

export interface FieldOptions {
	/** What the field belongs to, starting the message: "chapter `harbour`". */
	label: string;
	/** How a correct value is written, shown in hints: `title: The first day`. */
	example: string;
	required?: boolean;
}

export interface IdRef {
	id: string;
	node: Scalar;
}

export class Checker {
	constructor(
		readonly file: ParsedFile,
		readonly found: Found
	) {}

	get root(): unknown {
		return this.file.doc.contents;
	}

	/** True when `id` is defined, even with errors of its own. */
	isDeclared(what: IdKind, id: string): boolean {
		return this.found.unreadable.has(what) || this.found.declared[what].has(id);
	}

	error(at: Node | number | null | undefined, message: string, hint = ''): void {
		this.found.errors.push(errorAt(this.file, at, message, hint));
	}

	/** The value node of `key` when it has the expected kind; reports it missing or of the wrong kind otherwise. */
	field(map: YAMLMap, key: string, kind: 'mapping', options: FieldOptions): YAMLMap | undefined;
	field(map: YAMLMap, key: string, kind: 'list', options: FieldOptions): YAMLSeq | undefined;
	field(map: YAMLMap, key: string, kind: ValueKind, options: FieldOptions): Scalar | undefined;
	field(map: YAMLMap, key: string, kind: ValueKind, { label, example, required = false }: FieldOptions): Node | undefined {
		const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
		if (!pair) {
			if (required) this.error(map, `${label}: missing required field \`${key}\``, `Add \`${example}\`.`);
			return undefined;
		}
		const node = pair.value as Node | null;
		const actual = kindOf(node);
		if (actual === kind) return node!;
		const quote = kind === 'text' && isScalar(node) && actual !== 'empty' ? ' Put the value in quotes.' : '';
		this.error(node ?? (pair.key as Node), `${label}: \`${key}\` must be ${kindWords[kind]}, not ${kindWords[actual]}`, `Write it like \`${example}\`.${quote}`);
		return undefined;
	}

	text(map: YAMLMap, key: string, options: FieldOptions): { value: string; node: Scalar } | undefined {
		const node = this.field(map, key, 'text', options);
		return node && { value: node.value as string, node };
	}

	flag(map: YAMLMap, key: string, options: FieldOptions): boolean | undefined {
		return this.field(map, key, 'boolean', options)?.value as boolean | undefined;
	}

	number(map: YAMLMap, key: string, options: FieldOptions & { min: number; max: number }): number | undefined {
		const node = this.field(map, key, 'number', options);
		if (!node) return undefined;
		const value = node.value as number;
		if (value >= options.min && value <= options.max) return value;
		this.error(node, `${options.label}: \`${key}\` is ${value}, outside ${options.min}…${options.max}`, `Write it like \`${options.example}\`.`);
		return undefined;
	}

	/** A value from a closed list (a kind, a precision). */
	oneOf<T extends string>(map: YAMLMap, key: string, options: FieldOptions & { allowed: readonly T[]; hint?: string }): T | undefined {
		const value = this.text(map, key, { ...options, required: true });
		if (!value) return undefined;
		if ((options.allowed as readonly string[]).includes(value.value)) return value.value as T;
		const hint = options.hint ?? `Use one of: ${options.allowed.join(', ')}.`;
		this.error(value.node, `${options.label}: unknown ${key} \`${value.value}\``, `${didYouMean(value.value, options.allowed)} ${hint}`.trim());
		return undefined;
	}

	/** An ISO date, YYYY-MM-DD (or YYYY-MM with `allowMonth`). */
	date(map: YAMLMap, key: string, options: Omit<FieldOptions, 'example'> & { allowMonth: boolean }): string | undefined {
		const example = `${key}: 2025-04-20`;
		const date = this.text(map, key, { ...options, example });
		if (!date) return undefined;
		if (isIsoDate(date.value, options.allowMonth)) return date.value;
		this.error(date.node, `${options.label}: \`${key}\` \`${date.value}\` is not an ISO date`, `Write YYYY-MM-DD${options.allowMonth ? ' (or YYYY-MM)' : ''}, e.g. \`${example}\`.`);
		return undefined;
	}

	/** A list of ids (strings), each with its node for positions. Required lists must not be empty. */
	ids(map: YAMLMap, key: string, options: FieldOptions): IdRef[] | undefined {
		const list = this.field(map, key, 'list', options);
		if (!list) return undefined;
		if (options.required && list.items.length === 0) {
			this.error(list, `${options.label}: \`${key}\` is empty`, `List at least one, like \`${options.example}\`.`);
		}
		return list.items.flatMap((item) => {
			if (kindOf(item) === 'text') return [{ id: (item as Scalar).value as string, node: item as Scalar }];
			this.error(item as Node, `${options.label}: \`${key}\` must list ids, not ${kindWords[kindOf(item)]}`, `Write it like \`${options.example}\`.`);
			return [];
		});
	}

	/**
	 * Text per language (`{ en: …, ja: … }`). The edition's language (`lang`), its primary language or English must be
	 * there: an edition falls back to them, in that order.
	 */
	texts(map: YAMLMap, key: string, options: FieldOptions & { lang: string }): Record<string, string> | undefined {
		const node = this.field(map, key, 'mapping', options);
		if (!node) return undefined;
		const texts: Record<string, string> = {};
		for (const pair of node.items) {
			const lang = String((pair.key as Scalar).value);
			if (kindOf(pair.value) === 'text') texts[lang] = (pair.value as Scalar).value as string;
			else this.error(pair.value as Node, `${options.label}: \`${key}.${lang}\` must be text, not ${kindWords[kindOf(pair.value)]}`, `Write it like \`${options.example}\`.`);
		}
		const fallbacks = [...new Set([options.lang, options.lang.split('-')[0], 'en'])];
		if (!fallbacks.some((lang) => lang in texts)) {
			const which = fallbacks.map((lang) => `\`${lang}\``).join(' or ');
			this.error(node, `${options.label}: \`${key}\` has no text in ${which}`, `Add it: an edition in \`${options.lang}\` shows its own language's text, or falls back to English, e.g. \`${options.example}\`.`);
			return undefined;
		}
		return texts;
	}

	/** A lowercase-kebab id, unique in `seen` (to which it is added). */
	id(map: YAMLMap, options: Omit<FieldOptions, 'required'> & { seen: Set<string> }): string | undefined {
		const id = this.text(map, 'id', { ...options, required: true });
		if (!id) return undefined;
		if (!idPattern.test(id.value)) {
			const suggestion = id.value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
			this.error(id.node, `${options.label}: id \`${id.value}\` is not lowercase-kebab`, `Use lowercase letters, digits and hyphens, e.g. \`${suggestion}\`.`);
		} else if (options.seen.has(id.value)) {
			this.error(id.node, `${options.label}: duplicate id \`${id.value}\``, 'Ids must be unique; rename one of them.');
		}
		options.seen.add(id.value);
		return id.value;
	}

	rejectUnknownFields(map: YAMLMap, known: readonly string[], label: string): void {
		for (const pair of map.items) {
			const key = String((pair.key as Scalar | null)?.value);
			if (known.includes(key)) continue;
			const hint = didYouMean(key, known) || `Known fields: ${known.join(', ')}.`;
			this.error(pair.key as Node, `${label}: unknown field \`${key}\``, hint);
		}
	}

	/** Checks each id exists; returns the known ones. */
	known<T>(refs: IdRef[] | undefined, options: { known: Map<string, T>; label: string; what: IdKind }): T[] {
		return (refs ?? []).flatMap(({ id, node }) => {
			const found = options.known.get(id);
			if (found) return [found];
			if (this.isDeclared(options.what, id)) return [];
			this.error(node, `${options.label}: unknown ${options.what} \`${id}\``, `${didYouMean(id, options.known.keys())} ${definedIn[options.what]}`.trim());
			return [];
		});
	}

	/** Reports a problem found inside a text value (placeholder, raw HTML, link) at its own line and column. */
	textProblem(node: Scalar, value: string, problem: TextProblem, label: string): void {
		if (problem.unknownId && this.isDeclared(problem.unknownId.what, problem.unknownId.id)) return;
		this.error(offsetInFile(this.file, node, value, problem), `${label}: ${problem.message}`, problem.hint);
	}

	/** `[longitude, latitude]` from a list of two numbers, or undefined (reported). */
	lonLat(list: YAMLSeq, options: { label: string; example: string }): [number, number] | undefined {
		const numbers = list.items.map((item) => (kindOf(item) === 'number' ? ((item as Scalar).value as number) : NaN));
		if (numbers.length === 2 && !numbers.some(Number.isNaN)) return numbers as [number, number];
		this.error(list, `${options.label} must be two numbers, [longitude, latitude]`, `Write them like \`${options.example}\`.`);
		return undefined;
	}

	/** Range check for [lon, lat]. Suggests swapping when the swapped pair is in range and `swappedFits` agrees
	 * (for a place: the swapped point is in its country). */
	inRange(node: Node, [lon, lat]: [number, number], options: { label: string; swappedFits: (point: Position) => boolean }): [number, number] | undefined {
		if (Math.abs(lon) <= 180 && Math.abs(lat) <= 90) return [lon, lat];
		const problem = Math.abs(lat) > 90 ? `latitude ${lat} is beyond ±90` : `longitude ${lon} is beyond ±180`;
		const swapped = Math.abs(lat) <= 180 && Math.abs(lon) <= 90 && options.swappedFits([lat, lon]);
		this.error(
			node,
			`${options.label} [${lon}, ${lat}] out of range: ${problem}`,
			swapped
				? `They look swapped: write [longitude, latitude], here [${lat}, ${lon}].`
				: 'Write [longitude, latitude]: longitude within ±180, latitude within ±90.'
		);
		return undefined;
	}
}

function isIsoDate(text: string, allowMonth: boolean): boolean {
	const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
	if (!match || (!match[3] && !allowMonth)) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 1)];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** File offset of a snippet inside a scalar's value. Escapes and folding change offsets, so the snippet is
 * found again in the scalar's source by counting occurrences. */
function offsetInFile(file: ParsedFile, node: Scalar, value: string, { offset, snippet }: { offset: number; snippet: string }): number {
	const [start, end] = node.range!;
	const occurrence = value.slice(0, offset).split(snippet).length - 1;
	const source = file.text.slice(start, end);
	let index = -1;
	for (let i = 0; i <= occurrence; i++) {
		index = source.indexOf(snippet, index + 1);
		if (index === -1) return start;
	}
	return start + index;
}
