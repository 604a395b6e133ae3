/**
 * Writes into a story's places.geojson and sources.yaml as a person would: the new feature goes after the last
 * one in the file's own layout (indented like its neighbours, or one per line), and nothing else changes.
 */
import { isMap, isSeq, parseDocument, type Node } from 'yaml';

export interface NewPlace {
	id: string;
	lonLat: [number, number];
	name: string;
	kind: string;
	precision: string;
	country: string;
	description: string;
	sources: string[];
}

export function placeFeature(place: NewPlace) {
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: place.lonLat },
		properties: {
			id: place.id,
			name: { en: place.name },
			kind: place.kind,
			precision: place.precision,
			country: place.country,
			description: { en: place.description },
			sources: place.sources
		}
	};
}

/** The place ids already in a places.geojson text. */
export function placeIds(text: string): string[] {
	const data = JSON.parse(text) as { features?: { properties?: { id?: unknown } }[] };
	return (data.features ?? []).flatMap((f) => (typeof f?.properties?.id === 'string' ? [f.properties.id] : []));
}

/** `text` (a FeatureCollection) with `feature` appended to its `features`, in the layout of the features before it. */
export function appendFeature(text: string, feature: object): string {
	const doc = parseDocument(text);
	const features = isMap(doc.contents) ? doc.contents.get('features', true) : undefined;
	if (!isSeq(features) || !features.range) throw new Error('not a GeoJSON FeatureCollection with a `features` list');
	const items = features.items as Node[];
	if (items.length === 0) {
		const unit = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
		const data = JSON.parse(text);
		data.features.push(feature);
		return JSON.stringify(data, null, unit) + (text.endsWith('\n') ? '\n' : '');
	}
	const last = items[items.length - 1].range!;
	const lastText = text.slice(last[0], last[1]);
	const lineStart = text.lastIndexOf('\n', last[0] - 1) + 1;
	const prefix = /^[ \t]*$/.test(text.slice(lineStart, last[0])) ? text.slice(lineStart, last[0]) : '';
	// Between two features: the comma and whatever the file puts around it; after `[` when there is only one.
	const separator = items.length > 1 ? text.slice(items[items.length - 2].range![1], last[0]) : `,${text.slice(features.range[0] + 1, items[0].range![0])}`;
	let serialized = JSON.stringify(feature);
	if (lastText.includes('\n')) {
		const unit = (/\n([ \t]*)/.exec(lastText)?.[1] ?? '').slice(prefix.length) || '  ';
		serialized = JSON.stringify(feature, null, unit).replace(/\n/g, `\n${prefix}`);
	}
	return text.slice(0, last[1]) + separator + serialized + text.slice(last[1]);
}

export const naturalEarthSourceId = 'natural-earth';

/** The source entry for positions taken from Natural Earth, as sources.yaml text. */
export const naturalEarthSource = `${naturalEarthSourceId}:
  title: "Natural Earth 1:10m populated places and airports"
  publisher: Natural Earth
  url: https://www.naturalearthdata.com/
`;

/** sources.yaml with the Natural Earth source appended when it has none by that id. */
export function withNaturalEarthSource(text: string): string {
	const doc = parseDocument(text);
	if (isMap(doc.contents) && doc.contents.has(naturalEarthSourceId)) return text;
	const body = text.length === 0 || text.endsWith('\n') ? text : `${text}\n`;
	return `${body}${body.trim() ? '\n' : ''}${naturalEarthSource}`;
}
