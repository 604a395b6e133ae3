/** Figures computed from the data inside prose: `{{distance a b}}` and `{{length route}}`. */
import { distanceKm, formatKm, routeLengthKm } from '$lib/geo/distance';
import { definedIn, didYouMean } from './errors';
import type { PlaceFeature, RouteFeature } from './types';

/** A problem inside a text, located by character offset in that text. */
export interface TextProblem {
	offset: number;
	/** The text at `offset` the problem is about, used to find it again in the source file. */
	snippet: string;
	message: string;
	hint: string;
	/** Set when the problem is an unknown id, so a caller can tell it apart from an id defined with errors. */
	unknownId?: { what: 'place' | 'route'; id: string };
}

const placeholderPattern = /\{\{\s*([^\s}]*)\s*([^}]*?)\s*\}\}/g;
const usage = 'Write `{{distance place-a place-b}}` or `{{length route-id}}`.';

export function computePlaceholders(
	text: string,
	places: Map<string, PlaceFeature>,
	routes: Map<string, RouteFeature>,
	lang: string
): { text: string; problems: TextProblem[] } {
	const problems: TextProblem[] = [];
	const computed = text.replace(placeholderPattern, (placeholder, kind: string, args: string, offset: number) => {
		const ids = args.split(/\s+/).filter(Boolean);
		const problem = (message: string, hint: string, unknownId?: TextProblem['unknownId']) => {
			problems.push({ offset, snippet: placeholder, message, hint, ...(unknownId && { unknownId }) });
			return placeholder;
		};
		const unknown = (what: 'place' | 'route', id: string, known: Map<string, unknown>) =>
			problem(
				`unknown ${what} \`${id}\` in \`${placeholder}\``,
				`${didYouMean(id, known.keys())} ${definedIn[what]}`.trim(),
				{ what, id }
			);

		if (kind === 'distance' && ids.length === 2) {
			const [a, b] = ids.map((id) => places.get(id));
			if (!a) return unknown('place', ids[0], places);
			if (!b) return unknown('place', ids[1], places);
			return formatKm(distanceKm(a, b), lang);
		}
		if (kind === 'length' && ids.length === 1) {
			const route = routes.get(ids[0]);
			return route ? formatKm(routeLengthKm(route), lang) : unknown('route', ids[0], routes);
		}
		return problem(`unknown placeholder \`${placeholder}\``, usage);
	});
	return { text: computed, problems };
}
