/**
 * An offline gazetteer built from the Natural Earth layers the project carries (geo/natural-earth/): populated
 * places, airports and country label points. Names are compared without accents, case or punctuation, and
 * alternate names (namealt, nameascii; an airport's IATA and ICAO codes) match too.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Feature, Point } from 'geojson';
import { countriesAt } from '$lib/geo/countries';
import { naturalEarthCountries, projectRoot } from './folder';

/** What a candidate is: a populated place (a capital or another city or town), an airport or a country. */
export type CandidateKind = 'capital' | 'city' | 'airport' | 'country';

export interface Candidate {
	name: string;
	kind: CandidateKind;
	/** Country as the validator names it (Natural Earth 1:10m countries), or the layer's own name when the point
	 * falls in none of them. */
	country: string;
	/** ISO 3166-1 alpha-2, '' when Natural Earth has none. */
	iso: string;
	lonLat: [number, number];
	/** The Natural Earth layer it comes from. */
	layer: string;
	/** A short note shown with it: the IATA code, the name that matched when it is an alternate one. */
	detail: string;
	/** Natural Earth's scale rank: smaller is more prominent. */
	rank: number;
	/** For airports, the code (IATA, else Natural Earth's abbreviation). */
	code?: string;
}

export interface LookUpResult {
	status: 'found' | 'ambiguous' | 'none';
	/** Exact matches after the filters, most prominent first. */
	candidates: Candidate[];
	/** When nothing matched exactly: names that contain the query, as suggestions. */
	suggestions: Candidate[];
}

export interface Filters {
	/** ISO alpha-2 code (`VE`) or a country name (`Venezuela`). */
	country?: string;
	kind?: CandidateKind | 'place';
}

interface Entry {
	candidate: Candidate;
	/** Normalised names it answers to, with the name as written for each. */
	keys: Map<string, string>;
}

/** Lowercase, without accents, punctuation collapsed to single spaces: "Maiquetía" → "maiquetia". */
export function normalizeName(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/['’`]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** "San Jose Int'l" → "San Jose International Airport"; Natural Earth abbreviates and often omits the word. */
export function airportName(name: string): string {
	const expanded = name.replace(/\bInt'l\b/g, 'International');
	return /airport|air ?base|airfield|aerodrome|airstrip/i.test(expanded) ? expanded : `${expanded} Airport`;
}

/** An airport's name without the words every airport name may or may not carry. */
function airportCore(name: string): string {
	return normalizeName(name.replace(/\bInt'l\b/g, '')).replace(/\b(international|airport|intl|aeropuerto|aeroport)\b/g, ' ').replace(/\s+/g, ' ').trim();
}

let entries: Entry[] | undefined;

function layer(name: string): Feature<Point, Record<string, unknown>>[] {
	const file = path.join(projectRoot(), 'geo/natural-earth', `${name}.geojson.gz`);
	return JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')).features;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const round = (value: number) => Math.round(value * 1e4) / 1e4;

/** The country a point lies in, as the validator will check it; `fallback` when Natural Earth's outlines miss it. */
function countryAt(lonLat: [number, number], fallback: string): string {
	return countriesAt(lonLat, naturalEarthCountries(), 2)[0] ?? fallback;
}

function load(): Entry[] {
	if (entries) return entries;
	const list: Entry[] = [];
	const isoByA3 = new Map<string, string>();
	const places = layer('ne_10m_populated_places_simple');
	for (const { geometry, properties: p } of places) {
		const name = text(p.name);
		if (!name) continue;
		const iso = text(p.iso_a2) && p.iso_a2 !== '-99' ? (p.iso_a2 as string) : '';
		if (iso && text(p.adm0_a3)) isoByA3.set(p.adm0_a3 as string, iso);
		const lonLat = geometry.coordinates.map(round) as [number, number];
		const isCapital = p.featurecla === 'Admin-0 capital' || p.adm0cap === 1;
		const keys = new Map<string, string>();
		for (const written of [name, text(p.nameascii), text(p.namepar), ...(text(p.namealt)?.split(/[,|;]/) ?? [])]) {
			if (written && normalizeName(written)) keys.set(normalizeName(written), written.trim());
		}
		list.push({
			keys,
			candidate: {
				name,
				kind: isCapital ? 'capital' : 'city',
				country: text(p.adm0name) ?? '',
				iso,
				lonLat,
				layer: 'ne_10m_populated_places_simple',
				detail: '',
				rank: Number(p.scalerank ?? 10)
			}
		});
	}
	for (const { geometry, properties: p } of layer('ne_10m_airports')) {
		const name = text(p.name);
		if (!name) continue;
		const code = text(p.iata_code) ?? text(p.abbrev);
		const keys = new Map<string, string>([[normalizeName(name), name]]);
		if (airportCore(name)) keys.set(airportCore(name), name);
		for (const written of [text(p.iata_code), text(p.abbrev), text(p.gps_code)]) if (written) keys.set(normalizeName(written), written);
		list.push({
			keys,
			candidate: {
				name: airportName(name),
				kind: 'airport',
				country: '',
				iso: '',
				lonLat: geometry.coordinates.map(round) as [number, number],
				layer: 'ne_10m_airports',
				detail: code ? `code ${code}` : '',
				rank: Number(p.scalerank ?? 10),
				...(code && { code })
			}
		});
	}
	const countries = new Map<string, { p: Record<string, unknown>; lonLat: [number, number] }>();
	for (const { geometry, properties: p } of layer('ne_10m_admin_0_label_points')) {
		const name = text(p.sr_subunit);
		if (p.featurecla !== 'Admin-0 scale ranks' || !name) continue;
		const known = countries.get(name);
		if (!known || Number(known.p.scalerank) > Number(p.scalerank)) countries.set(name, { p, lonLat: geometry.coordinates.map(round) as [number, number] });
	}
	for (const [name, { p, lonLat }] of countries) {
		list.push({
			keys: new Map([[normalizeName(name), name]]),
			candidate: {
				name,
				kind: 'country',
				country: name,
				iso: isoByA3.get(p.sr_adm0_a3 as string) ?? isoByA3.get(p.sr_su_a3 as string) ?? '',
				lonLat,
				layer: 'ne_10m_admin_0_label_points',
				detail: 'label point',
				rank: Number(p.scalerank ?? 10)
			}
		});
	}
	// Airports carry no country: take the nearest populated place's code, for --country and the listing.
	for (const entry of list) {
		if (entry.candidate.kind !== 'airport') continue;
		let best: Candidate | undefined;
		let bestDistance = Infinity;
		for (const other of list) {
			if (other.candidate.kind !== 'city' && other.candidate.kind !== 'capital') continue;
			const [dx, dy] = [other.candidate.lonLat[0] - entry.candidate.lonLat[0], other.candidate.lonLat[1] - entry.candidate.lonLat[1]];
			const d = dx * dx + dy * dy;
			if (d < bestDistance) [best, bestDistance] = [other.candidate, d];
		}
		entry.candidate.iso = best?.iso ?? '';
		entry.candidate.country = best?.country ?? '';
	}
	entries = list;
	return list;
}

const kindOrder: CandidateKind[] = ['capital', 'city', 'airport', 'country'];

function byProminence(a: Candidate, b: Candidate): number {
	return kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.rank - b.rank || a.name.localeCompare(b.name) || a.lonLat[0] - b.lonLat[0];
}

function passes(candidate: Candidate, { country, kind }: Filters): boolean {
	if (kind && !(kind === candidate.kind || (kind === 'place' && (candidate.kind === 'city' || candidate.kind === 'capital')) || (kind === 'city' && candidate.kind === 'capital'))) return false;
	if (!country) return true;
	if (/^[a-z]{2}$/i.test(country)) return candidate.iso.toUpperCase() === country.toUpperCase();
	return normalizeName(candidate.country) === normalizeName(country);
}

/** Looks `query` up; `found` means exactly one candidate is left after the filters. */
export function lookUp(query: string, filters: Filters = {}): LookUpResult {
	const key = normalizeName(query);
	if (!key) return { status: 'none', candidates: [], suggestions: [] };
	const all = load();
	const matched = all.filter((entry) => entry.keys.has(key)).map((entry) => withDetail(entry, key));
	const candidates = matched.filter((c) => passes(c, filters)).sort(byProminence).map(located);
	if (candidates.length > 0) return { status: candidates.length === 1 ? 'found' : 'ambiguous', candidates, suggestions: [] };
	const near = all
		.filter((entry) => [...entry.keys.keys()].some((k) => k.includes(key)))
		.map((entry) => entry.candidate)
		.filter((c) => passes(c, filters))
		.sort((a, b) => a.rank - b.rank || byProminence(a, b))
		.slice(0, 10);
	// An exact name that the filters ruled out is the best suggestion of all.
	const ruledOut = matched.sort(byProminence);
	return { status: 'none', candidates: [], suggestions: [...ruledOut, ...near.filter((c) => !ruledOut.includes(c))].slice(0, 10).map(located) };
}

function withDetail(entry: Entry, key: string): Candidate {
	const written = entry.keys.get(key)!;
	const alternate = normalizeName(written) !== normalizeName(entry.candidate.name) && entry.candidate.kind !== 'airport';
	return alternate ? { ...entry.candidate, detail: `also called ${written}` } : entry.candidate;
}

/** The candidate with its country named as the validator checks it (point in Natural Earth's 1:10m outlines). */
function located(candidate: Candidate): Candidate {
	return { ...candidate, country: countryAt(candidate.lonLat, candidate.country) };
}

/** One line per candidate, numbered for `--pick`. */
export function describeCandidate(candidate: Candidate, index: number): string {
	const where = `${candidate.country}${candidate.iso ? ` (${candidate.iso})` : ''}`;
	const detail = candidate.detail ? `, ${candidate.detail}` : '';
	return `  ${index + 1}. ${candidate.name}: ${candidate.kind}, ${where}${detail}, at [${candidate.lonLat.join(', ')}]`;
}
