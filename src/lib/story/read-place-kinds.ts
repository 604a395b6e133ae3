/**
 * Reads place-kinds.yaml (optional): the kinds of place a story uses besides the engine's neutral ones, each with
 * its name per language and the neutral kind it is drawn and described as.
 */
import { isMap, type Node, type Scalar } from 'yaml';
import { idPattern, type Checker } from './checker';
import { didYouMean } from './errors';
import { isPlaceKind, PLACE_KINDS, type PlaceKind } from './vocabulary.js';

export interface PlaceKindDeclaration {
	drawAs: PlaceKind;
	label: Record<string, string>;
}

const kindFields = ['draws-as', 'label'];

/** The story's own kinds, each null when its declaration has errors (reported there, not again where it is used).
 * `checker` is undefined when the folder has no place-kinds.yaml. */
export function readPlaceKinds({ checker: c, lang }: { checker: Checker | undefined; lang: string }): Map<string, PlaceKindDeclaration | null> {
	const kinds = new Map<string, PlaceKindDeclaration | null>();
	if (!c) return kinds;
	if (!isMap(c.root)) {
		c.error(c.root as Node, 'place kinds must be a mapping of kind ids to kinds', 'Write `lighthouse:` followed by indented `draws-as: building` and `label: { en: lighthouse }`.');
		return kinds;
	}
	for (const pair of c.root.items) {
		const kind = String((pair.key as Scalar).value);
		const label = `place kind \`${kind}\``;
		if (isPlaceKind(kind)) {
			c.error(pair.key as Node, `${label} is already one of the engine's kinds`, 'Remove it here: places can use it as it is.');
			continue;
		}
		if (!idPattern.test(kind)) {
			c.error(pair.key as Node, `${label} is not lowercase-kebab`, 'Use lowercase letters, digits and hyphens, e.g. `detention-centre`.');
			continue;
		}
		kinds.set(kind, null);
		if (!isMap(pair.value)) {
			c.error((pair.value ?? pair.key) as Node, `${label} must be a mapping`, 'Give it indented `draws-as:` and `label:` lines.');
			continue;
		}
		c.rejectUnknownFields(pair.value, kindFields, label);
		const drawAs = c.oneOf(pair.value, 'draws-as', {
			label,
			example: 'draws-as: building',
			allowed: PLACE_KINDS,
			hint: `It is drawn as one of the engine's kinds: ${PLACE_KINDS.join(', ')}.`
		});
		const names = c.texts(pair.value, 'label', { label, lang, required: true, example: 'label: { en: lighthouse }' });
		if (drawAs && names) kinds.set(kind, { drawAs, label: names });
	}
	return kinds;
}

/** The hint for a kind that is neither neutral nor declared. */
export function unknownKindHint(kind: string, declared: Map<string, PlaceKindDeclaration | null>): string {
	const known = [...PLACE_KINDS, ...declared.keys()];
	return `${didYouMean(kind, known)} Use one of the engine's kinds (${PLACE_KINDS.join(', ')})${declared.size > 0 ? `, or the story's own (${[...declared.keys()].join(', ')})` : ''}, or declare it in place-kinds.yaml in the story's folder.`.trim();
}
