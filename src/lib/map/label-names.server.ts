/**
 * The basemap's labels in an edition's language, worked out at build time: country names from the ISO code each
 * country label carries (`Intl.DisplayNames`, the proper name, never a Natural Earth abbreviation), sea and city
 * names from a reviewed table per language (`geo/names/<lang>.json`, keyed by the Natural Earth name). A name with
 * no translation keeps its Natural Earth form.
 */
import type { FeatureCollection } from 'geojson';
import { basemapText } from './basemap.server';
import type { LabelNames } from './style';

const tables = import.meta.glob<{ seas?: Record<string, string>; cities?: Record<string, string> }>('/geo/names/*.json', {
	import: 'default',
	eager: true
});

function table(lang: string) {
	const primary = lang.split('-')[0];
	return tables[`/geo/names/${lang}.json`] ?? tables[`/geo/names/${primary}.json`] ?? {};
}

/** The names the story's basemap labels take in `lang`, for the ones that differ from their Natural Earth name. */
export function labelNames(storyId: string, lang: string): LabelNames {
	const basemap = JSON.parse(basemapText(storyId)) as FeatureCollection;
	const displayNames = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
	const { seas = {}, cities = {} } = table(lang);
	const countries: Record<string, string> = {};
	const places: Record<string, string> = {};
	for (const { properties } of basemap.features) {
		const { layer, name, iso_a2: code } = (properties ?? {}) as { layer?: string; name?: string; iso_a2?: string };
		if (!name) continue;
		if (layer === 'country-labels' && code && /^[A-Z]{2}$/.test(code)) {
			const localName = displayNames.of(code);
			if (localName && localName !== name) countries[code] = localName;
		} else if (layer === 'sea-labels' && seas[name] && seas[name] !== name) places[name] = seas[name];
		else if (layer === 'cities' && cities[name] && cities[name] !== name) places[name] = cities[name];
	}
	return { countries, places };
}
