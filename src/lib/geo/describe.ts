/** A plain-language description of a map view, generated from the data (for screen readers and the text view). */
import type { MapState, PlaceFeature, RouteFeature, RouteProperties } from '$lib/story/types';
import { formatKm, formatMeters, routeLengthKm } from './distance';

/** The sentences of one language. Add a language by adding an entry to `phrasesByLang`. */
interface Phrases {
	mapShows(places: string): string;
	nothingHighlighted: string;
	/** A place with its country, e.g. "Caracas, Venezuela" or "CECOT prison in El Salvador". */
	placeInCountry(place: PlaceFeature, name: string, country: string): string;
	approximate(text: string, radius: string): string;
	route(mode: RouteProperties['mode'], name: string, stops: string[], length: string, list: (items: string[]) => string): string;
	/** The word joining the last item of a list. */
	and: string;
	/** Natural Earth country names as a sentence says them. */
	countryNames: Record<string, string>;
}

const english: Phrases = {
	mapShows: (places) => `The map shows ${places}.`,
	nothingHighlighted: 'The map shows the region with no place highlighted.',
	placeInCountry(place, name, country) {
		if (name.includes(country)) return name; // "Palmerola (Soto Cano), Honduras"
		const isCity = place.properties.kind === 'city' || place.properties.kind === 'capital';
		return isCity && !name.includes(',') ? `${name}, ${country}` : `${name} in ${country}`;
	},
	approximate: (text, radius) => `${text} (approximate location, within about ${radius})`,
	route(mode, name, stops, length, list) {
		const line = mode === 'proposed' ? 'A dashed line' : 'A line';
		const noun = { flight: 'flight route', road: 'road route', proposed: 'proposed route', return: 'return route' }[mode];
		const via = stops.length > 2 ? ` via ${list(stops.slice(1, -1))}` : '';
		return `${line} marks the ${noun} “${name}” from ${stops[0]}${via} to ${stops.at(-1)}, ${length}.`;
	},
	and: 'and',
	countryNames: {
		'United States of America': 'the United States',
		'United Kingdom': 'the United Kingdom',
		'USNB Guantanamo Bay': 'Cuba',
		'Dominican Rep.': 'the Dominican Republic'
	}
};

/** Spanish falls back to English until its sentences are written. */
const phrasesByLang: Record<string, Phrases> = { en: english };

/** Text in `lang`, falling back to English. */
function inLang(texts: Record<string, string>, lang: string): string {
	return texts[lang] ?? texts.en;
}

/** "A and B", "A, B and C"; items that contain commas are separated by semicolons so the list stays readable. */
function joinList(items: string[], and: string): string {
	if (items.length <= 1) return items.join('');
	const separator = items.some((item) => item.includes(',')) ? '; ' : ', ';
	return `${items.slice(0, -1).join(separator)}${items.length > 2 ? separator.trim() : ''} ${and} ${items.at(-1)}`;
}

export function describeMapState(state: MapState, places: PlaceFeature[], routes: RouteFeature[], lang: string): string {
	const phrases = phrasesByLang[lang] ?? english;
	const list = (items: string[]) => joinList(items, phrases.and);
	const placeById = new Map(places.map((p) => [p.properties.id, p]));
	const name = (id: string) => inLang(placeById.get(id)?.properties.name ?? { en: id }, lang);

	const sentences: string[] = [];
	const highlighted = state.places.flatMap((id) => placeById.get(id) ?? []).map((place) => {
		const { country, precision, uncertaintyMeters } = place.properties;
		const text = phrases.placeInCountry(place, name(place.properties.id), phrases.countryNames[country] ?? country);
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
		sentences.push(phrases.route(mode, inLang(route.properties.name, lang), via.map(name), length, list));
	}
	return sentences.length > 0 ? sentences.join(' ') : phrases.nothingHighlighted;
}
