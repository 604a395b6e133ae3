/**
 * Countries: which Natural Earth unit a point lies in (the build-time check of place coordinates), countries
 * by ISO 3166-1 alpha-2 code or Natural Earth name, and a country's name as readers say it in their language.
 */
import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { circle } from '@turf/circle';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** A unit from world-atlas countries-10m (Natural Earth 1:10m), named by `properties.name`; `id` is its ISO 3166-1
 * numeric code, absent for units that have none (Kosovo, Baikonur, N. Cyprus…). */
export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }>;

/** The countries of the world, looked up by code and by Natural Earth name. */
export interface Countries {
	all: CountryFeature[];
	/** Alpha-2 code → its units (`AU` is Australia and the Ashmore and Cartier Islands). */
	byCode: Map<string, CountryFeature[]>;
	byName: Map<string, CountryFeature>;
}

const alphaCodes = new WeakMap<CountryFeature, string | undefined>();

/** The unit's ISO 3166-1 alpha-2 code, from its numeric id through CLDR's region aliases (`222` → `SV`). */
export function alpha2(country: CountryFeature): string | undefined {
	if (alphaCodes.has(country)) return alphaCodes.get(country);
	const numeric = country.id === undefined ? undefined : String(country.id).padStart(3, '0');
	const region = numeric && /^\d{3}$/.test(numeric) ? new Intl.Locale(Intl.getCanonicalLocales(`und-${numeric}`)[0]).region : undefined;
	const code = region && /^[A-Z]{2}$/.test(region) ? region : undefined;
	alphaCodes.set(country, code);
	return code;
}

export function indexCountries(all: CountryFeature[]): Countries {
	const byCode = new Map<string, CountryFeature[]>();
	for (const country of all) {
		const code = alpha2(country);
		if (code) byCode.set(code, [...(byCode.get(code) ?? []), country]);
	}
	return { all, byCode, byName: new Map(all.map((country) => [country.properties.name, country])) };
}

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * A country as readers name it in `lang` (`US` → "United States", "Estados Unidos"). `country` is an alpha-2 code;
 * anything else (a Natural Earth unit without a code) is returned as it is.
 */
export function countryName(country: string, lang: string): string {
	if (!/^[A-Z]{2}$/.test(country)) return country;
	let names = displayNames.get(lang);
	if (!names) {
		names = new Intl.DisplayNames([lang, 'en'], { type: 'region', fallback: 'code' });
		displayNames.set(lang, names);
	}
	return names.of(country) ?? country;
}

const boxes = new WeakMap<CountryFeature, number[]>();

/**
 * True when the point lies in the country or within `toleranceKm` of it: 1:10m coastlines are generalised,
 * so a coastal airport or a base on a bay can fall just offshore.
 */
export function isInCountry(point: Position, country: CountryFeature, toleranceKm: number): boolean {
	const box = boxes.get(country) ?? boxes.set(country, bbox(country)).get(country)!;
	const [lon, lat] = point;
	const latMargin = toleranceKm / 111; // km per degree of latitude
	const lonMargin = latMargin / Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
	const outsideBox = lon < box[0] - lonMargin || lon > box[2] + lonMargin || lat < box[1] - latMargin || lat > box[3] + latMargin;
	if (outsideBox) return false;
	if (booleanPointInPolygon(point, country)) return true;
	const probes = circle(point, toleranceKm, { units: 'kilometers', steps: 16 }).geometry.coordinates[0];
	return probes.some((probe) => booleanPointInPolygon(wrapLongitude(probe), country));
}

/** Natural Earth names of the units the point lies in (or near, see isInCountry). */
export function countriesAt(point: Position, countries: CountryFeature[], toleranceKm: number): string[] {
	return countries.filter((country) => isInCountry(point, country, toleranceKm)).map((c) => c.properties.name);
}

/** A probe circled across the 180° meridian comes back as 180.01: bring it to −179.99, where the polygons are. */
function wrapLongitude([lon, lat]: Position): Position {
	return [((((lon + 180) % 360) + 360) % 360) - 180, lat];
}
