/**
 * A plain-language description of a map view, generated from the data (for screen readers and the text view), in
 * the edition's language: its sentences are interface words (src/lib/ui-text.ts, or the story's ui.<lang>.yaml).
 */
import { ROUTE_LAYERS } from '$lib/map/route-layers';
import { textIn } from '$lib/story/language';
import type { MapState, PlaceFeature, RouteFeature } from '$lib/story/types';
import { isSettlement } from '$lib/story/vocabulary.js';
import { uiText, type UiText, type UiWords } from '$lib/ui-text';
import { countryName } from './countries';
import { formatKm, formatMeters, routeLengthKm } from './distance';

/** `words`: the story's interface words for `lang` (its ui.<lang>.yaml), when it has them. */
export function describeMapState(state: MapState, places: PlaceFeature[], routes: RouteFeature[], lang: string, words?: UiWords): string {
	const text = uiText(lang, words);
	const list = listFormatter(lang);
	const placeById = new Map(places.map((p) => [p.properties.id, p]));
	const name = (id: string) => textIn(placeById.get(id)?.properties.name ?? { en: id }, lang) ?? id;

	const sentences: string[] = [];
	const highlighted = state.places.flatMap((id) => placeById.get(id) ?? []).map((place) => {
		const { precision, uncertaintyMeters } = place.properties;
		const named = placeInCountry(place, name(place.properties.id), lang, text);
		return precision === 'approximate' && uncertaintyMeters ? text.approximatePlace(named, formatMeters(uncertaintyMeters, lang)) : named;
	});
	if (highlighted.length > 0) sentences.push(text.mapShows(list(highlighted)));

	for (const id of state.routes) {
		const route = routes.find((r) => r.properties.id === id);
		if (!route) continue;
		const { mode, via } = route.properties;
		const line = 'dash' in ROUTE_LAYERS[mode] ? text.dashedLine : text.solidLine;
		const kind = text[`${mode}Route`];
		const routeName = textIn(route.properties.name, lang) ?? id;
		const [from, to] = [name(via[0]), name(via.at(-1)!)];
		const length = formatKm(routeLengthKm(route), lang);
		sentences.push(
			via.length > 2
				? text.routeLineVia(line, kind, routeName, from, list(via.slice(1, -1).map(name)), to, length)
				: text.routeLine(line, kind, routeName, from, to, length)
		);
	}
	return sentences.length > 0 ? sentences.join(' ') : text.mapShowsNoPlace;
}

/** "Suva, Fiji", "Haneda Airport in Japan", or the name alone when it already says its country ("Nadi, Fiji"). */
function placeInCountry(place: PlaceFeature, name: string, lang: string, text: UiText): string {
	const country = countryName(place.properties.country, lang);
	if (name.includes(country)) return name;
	if (isSettlement(place.properties.drawAs) && !name.includes(',')) return text.settlementInCountry(name, country);
	return text.placeInCountry(name, country);
}

/** "A, B, and C" / "A, B y C" as the language writes lists. Items that contain commas are separated by semicolons,
 * the last one too, so the list stays readable ("Caracas, Distrito Capital; Suva, Fiji; and …", "…; y …"). */
function listFormatter(lang: string): (items: string[]) => string {
	const format = new Intl.ListFormat(lang, { type: 'conjunction' });
	const withSemicolon = (separator: string) =>
		separator.includes(',') ? separator.replace(',', ';') : separator.startsWith(' ') ? `;${separator}` : separator;
	return (items) => {
		const semicolons = items.length > 2 && items.some((item) => item.includes(','));
		return format
			.formatToParts(items)
			.map((part) => (semicolons && part.type === 'literal' ? withSemicolon(part.value) : part.value))
			.join('');
	};
}
