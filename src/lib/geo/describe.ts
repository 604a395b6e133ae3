/** A plain-language description of a map view, generated from the data (for screen readers and the text view). */
import { textIn } from '$lib/story/language';
import type { MapState, PlaceFeature, RouteFeature, RouteProperties } from '$lib/story/types';
import { isSettlement } from '$lib/story/vocabulary.js';
import { countryName } from './countries';
import { formatKm, formatMeters, routeLengthKm } from './distance';

/** The sentences of one language. Add a language by adding an entry to `phrasesByLang`. */
interface Phrases {
	mapShows(places: string): string;
	nothingHighlighted: string;
	/** A place with its country as readers name it, e.g. "Suva, Fiji" or "Haneda Airport in Japan". */
	placeInCountry(place: PlaceFeature, name: string, country: string): string;
	approximate(text: string, radius: string): string;
	route(mode: RouteProperties['mode'], name: string, stops: string[], length: string, list: (items: string[]) => string): string;
	/** The word joining the last item of a list. */
	and: string;
}

const english: Phrases = {
	mapShows: (places) => `The map shows ${places}.`,
	nothingHighlighted: 'The map shows the region with no place highlighted.',
	placeInCountry(place, name, country) {
		if (name.includes(country)) return name; // "Nadi, Fiji" as the place's own name
		if (isSettlement(place.properties.drawAs) && !name.includes(',')) return `${name}, ${country}`;
		// "in the United States", "in the Marshall Islands", "in the Dominican Republic"
		const takesThe = /\b(Islands|Republic|States|Kingdom|Emirates)$|^(Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros)$/.test(country);
		return `${name} in ${takesThe ? 'the ' : ''}${country}`;
	},
	approximate: (text, radius) => `${text} (approximate location, within about ${radius})`,
	route(mode, name, stops, length, list) {
		const line = mode === 'proposed' ? 'A dashed line' : 'A line';
		const noun = { flight: 'flight route', road: 'road route', proposed: 'proposed route', return: 'return route' }[mode];
		const via = stops.length > 2 ? ` via ${list(stops.slice(1, -1))}` : '';
		return `${line} marks the ${noun} “${name}” from ${stops[0]}${via} to ${stops.at(-1)}, ${length}.`;
	},
	and: 'and'
};

/** Spanish falls back to English until its sentences are written. */
const phrasesByLang: Record<string, Phrases> = { en: english };

/** "A and B", "A, B and C"; items that contain commas are separated by semicolons so the list stays readable. */
function joinList(items: string[], and: string): string {
	if (items.length <= 1) return items.join('');
	const separator = items.some((item) => item.includes(',')) ? '; ' : ', ';
	return `${items.slice(0, -1).join(separator)}${items.length > 2 ? separator.trim() : ''} ${and} ${items.at(-1)}`;
}

export function describeMapState(state: MapState, places: PlaceFeature[], routes: RouteFeature[], lang: string): string {
	const phrases = phrasesByLang[lang] ?? phrasesByLang[lang.split('-')[0]] ?? english;
	const list = (items: string[]) => joinList(items, phrases.and);
	const placeById = new Map(places.map((p) => [p.properties.id, p]));
	const name = (id: string) => textIn(placeById.get(id)?.properties.name ?? { en: id }, lang) ?? id;

	const sentences: string[] = [];
	const highlighted = state.places.flatMap((id) => placeById.get(id) ?? []).map((place) => {
		const { country, precision, uncertaintyMeters } = place.properties;
		const text = phrases.placeInCountry(place, name(place.properties.id), countryName(country, lang));
		return precision === 'approximate' && uncertaintyMeters
			? phrases.approximate(text, formatMeters(uncertaintyMeters, lang))
			: text;
	});
	if (highlighted.length > 0) sentences.push(phrases.mapShows(list(highlighted)));

	for (const id of state.routes) {
		const route = routes.find((r) => r.properties.id === id);
		if (!route) continue;
		const { mode, via } = route.properties;
		const length = formatKm(routeLengthKm(route), lang);
		sentences.push(phrases.route(mode, textIn(route.properties.name, lang) ?? id, via.map(name), length, list));
	}
	return sentences.length > 0 ? sentences.join(' ') : phrases.nothingHighlighted;
}
