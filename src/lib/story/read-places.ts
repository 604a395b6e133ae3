/** Reads places.geojson: the story's places, each a Point checked against the country it names. */
import type { Node, YAMLMap, YAMLSeq } from 'yaml';
import type { Position } from 'geojson';
import { alpha2, countriesAt, countryName, isInCountry, type Countries, type CountryFeature } from '$lib/geo/countries';
import type { Checker } from './checker';
import { didYouMean } from './errors';
import { featureCollection, featureParts } from './geojson-nodes';
import { unknownKindHint, type PlaceKindDeclaration } from './read-place-kinds';
import type { PlaceFeature, PlaceProperties, Precision, Source } from './types';
import { isPlaceKind, type PlaceKind } from './vocabulary.js';

const precisions: Precision[] = ['exact', 'site', 'city', 'approximate'];
const placeFields = ['id', 'name', 'kind', 'precision', 'country', 'within', 'uncertaintyMeters', 'description', 'sources'];
/** A point may fall this far outside its country's generalised 1:10m outline. */
const countryToleranceKm = 2;

export interface PlacesOptions {
	checker: Checker;
	sources: Map<string, Source>;
	countries: Countries;
	kinds: Map<string, PlaceKindDeclaration | null>;
	/** The edition's language: names and descriptions need text in it or in English. */
	lang: string;
}

export function readPlaces({ checker: c, sources, countries, kinds, lang }: PlacesOptions): Map<string, PlaceFeature> {
	const places = new Map<string, PlaceFeature>();
	const features = featureCollection(c);
	if (!features) c.found.unreadable.add('place');
	features?.items.forEach((node, index) => {
		const parts = featureParts(c, node, `feature ${index + 1}`);
		if (!parts) return;
		const { geometry, properties } = parts;
		const id = c.id(properties, { label: `feature ${index + 1}`, example: '"id": "harbour"', seen: c.found.declared.place });
		const label = id ? `place \`${id}\`` : `feature ${index + 1}`;
		c.rejectUnknownFields(properties, placeFields, label);

		const name = c.texts(properties, 'name', { label, lang, required: true, example: '"name": { "en": "The harbour" }' });
		const description = c.texts(properties, 'description', { label, lang, required: true, example: '"description": { "en": "One sentence." }' });
		const kind = c.text(properties, 'kind', { label, required: true, example: '"kind": "city"' });
		const drawAs = kind && kindDrawnAs(c, kind, kinds, label);
		const precision = c.oneOf(properties, 'precision', { label, allowed: precisions, example: '"precision": "site"' });
		const uncertaintyMeters = c.number(properties, 'uncertaintyMeters', {
			label,
			required: precision === 'approximate',
			example: '"uncertaintyMeters": 1000',
			min: 1,
			max: 1_000_000
		});
		const placeSources = c.known(c.ids(properties, 'sources', { label, required: true, example: '"sources": ["wikipedia-harbour"]' }), {
			known: sources,
			label,
			what: 'source'
		});
		const country = readCountry(c, properties, countries, label);
		const toleranceKm = Math.max(countryToleranceKm, (uncertaintyMeters ?? 0) / 1000);
		const inNamedCountry = (point: Position) => !country || country.units.some((unit) => isInCountry(point, unit, toleranceKm));
		const point = readPoint(c, geometry, label);
		const coordinates = point && c.inRange(point.node, point.lonLat, { label: `${label}: coordinates`, swappedFits: inNamedCountry });
		const inCountry = coordinates && country && checkInCountry(c, { at: point.node, point: coordinates, country, countries, toleranceKm, label });

		if (!id || !coordinates || !inCountry || !name || !description || !kind || !drawAs || !precision || placeSources.length === 0) return;
		if (precision === 'approximate' && !uncertaintyMeters) return;
		const props: PlaceProperties = {
			id, name, kind: kind.value, drawAs, precision, country: country.code ?? country.unitName, description,
			sources: placeSources.map((s) => s.id),
			...(uncertaintyMeters !== undefined && { uncertaintyMeters })
		};
		places.set(id, { type: 'Feature', geometry: { type: 'Point', coordinates }, properties: props });
	});
	return places;
}

function kindDrawnAs(c: Checker, kind: { value: string; node: Node }, declared: Map<string, PlaceKindDeclaration | null>, label: string): PlaceKind | undefined {
	if (isPlaceKind(kind.value)) return kind.value;
	const declaration = declared.get(kind.value);
	if (declaration) return declaration.drawAs;
	if (declared.has(kind.value)) return undefined; // its declaration has errors, reported there
	c.error(kind.node, `${label}: unknown kind \`${kind.value}\``, unknownKindHint(kind.value, declared));
	return undefined;
}

/** The country a place names, and the Natural Earth units its point must lie in. */
interface PlaceCountry {
	/** ISO 3166-1 alpha-2, when the country has one. */
	code?: string;
	/** How messages name what the point is checked against: "El Salvador", "Baikonur". */
	unitName: string;
	units: CountryFeature[];
}

/** `country` as an alpha-2 code (preferred) or a Natural Earth name; `within`, when given, names the Natural Earth
 * unit the point is checked against instead (a territory Natural Earth draws apart from its country). */
function readCountry(c: Checker, properties: YAMLMap, countries: Countries, label: string): PlaceCountry | undefined {
	const country = c.text(properties, 'country', { label, required: true, example: '"country": "FJ"' });
	const within = c.text(properties, 'within', { label, example: '"within": "Baikonur"' });
	if (!country) return undefined;
	const named = countries.byName.get(country.value);
	const code = /^[A-Z]{2}$/.test(country.value) ? country.value : named && alpha2(named);
	const units = (code && countries.byCode.get(code)) || (named && [named]);
	if (!units) {
		c.error(country.node, `${label}: unknown country \`${country.value}\``, unknownCountryHint(country.value, countries));
		return undefined;
	}
	if (!within) return { code, unitName: code ? countryName(code, 'en') : country.value, units };
	const unit = countries.byName.get(within.value);
	if (!unit) {
		c.error(within.node, `${label}: unknown Natural Earth unit \`${within.value}\` in \`within\``, `${didYouMean(within.value, countries.byName.keys())} Name the unit as Natural Earth 1:10m countries name it.`.trim());
		return undefined;
	}
	return { code, unitName: within.value, units: [unit] };
}

function unknownCountryHint(value: string, countries: Countries): string {
	const how = 'Give its ISO 3166-1 alpha-2 code, e.g. `"country": "FJ"`, or its name as Natural Earth writes it.';
	if (/^[a-z]{2}$/i.test(value)) {
		// Two letters are a code: a near-miss of a code is another country, not a typo worth suggesting.
		const upper = value.toUpperCase();
		return countries.byCode.has(upper) ? `Did you mean \`${upper}\`? Codes are written in capitals.` : `No country has the code \`${value}\`. ${how}`;
	}
	return `${didYouMean(value, countries.byName.keys())} ${how}`.trim();
}

/** The two numbers of a Point geometry, or undefined (reported). */
function readPoint(c: Checker, geometry: YAMLMap, label: string): { lonLat: [number, number]; node: YAMLSeq } | undefined {
	const type = geometry.get('type');
	if (type !== 'Point') {
		c.error(geometry, `${label}: geometry must be a Point, not ${type ? `a ${type}` : 'untyped'}`, 'A place is one point: `"geometry": { "type": "Point", "coordinates": [longitude, latitude] }`.');
		return undefined;
	}
	const example = '[178.4419, -18.1416]';
	const list = c.field(geometry, 'coordinates', 'list', { label, required: true, example: `"coordinates": ${example}` });
	const lonLat = list && c.lonLat(list, { label: `${label}: coordinates`, example });
	return lonLat && { lonLat, node: list! };
}

function checkInCountry(
	c: Checker,
	{ at, point: [lon, lat], country, countries, toleranceKm, label }: {
		at: Node;
		point: [number, number];
		country: PlaceCountry;
		countries: Countries;
		toleranceKm: number;
		label: string;
	}
): boolean {
	const inUnits = (point: Position) => country.units.some((unit) => isInCountry(point, unit, toleranceKm));
	if (inUnits([lon, lat])) return true;
	const name = country.unitName;
	if (Math.abs(lon) <= 90 && inUnits([lat, lon])) {
		c.error(at, `${label}: [${lon}, ${lat}] is not in ${name}`, `The longitude and latitude look swapped: [${lat}, ${lon}] is in ${name}. GeoJSON is [longitude, latitude].`);
		return false;
	}
	const actual = countriesAt([lon, lat], countries.all, toleranceKm);
	const first = actual.length > 0 ? countries.byName.get(actual[0]) : undefined;
	const firstCode = first && alpha2(first);
	const fix = firstCode
		? `set \`"country": "${firstCode}"\``
		: `if the place is in that territory, keep its \`country\` and add \`"within": "${actual[0]}"\``;
	c.error(
		at,
		`${label}: [${lon}, ${lat}] is not in ${name}`,
		actual.length > 0
			? `Natural Earth puts it in ${actual.join(' / ')}: check the coordinates, or ${fix}.`
			: 'It is in no country (at sea?): check the coordinates, which are [longitude, latitude].'
	);
	return false;
}
