/** GeoJSON read as YAML nodes (so every value keeps its position): the shapes places and routes share. */
import { isMap, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Checker } from './checker';

/** The `features` of a FeatureCollection, or undefined (reported) when the file is not one. */
export function featureCollection(c: Checker): YAMLSeq | undefined {
	const root = c.root;
	const type = isMap(root) ? root.get('type') : undefined;
	const features = isMap(root) ? root.get('features') : undefined;
	if (type === 'FeatureCollection' && isSeq(features)) return features;
	c.error(root as Node, 'not a GeoJSON FeatureCollection', 'The file must be `{ "type": "FeatureCollection", "features": [ … ] }`.');
	return undefined;
}

/** A Feature's geometry and properties, reported when malformed. */
export function featureParts(c: Checker, node: unknown, label: string): { geometry: YAMLMap; properties: YAMLMap } | undefined {
	if (!isMap(node) || node.get('type') !== 'Feature') {
		c.error(node as Node, `${label} is not a GeoJSON Feature`, 'Each feature is `{ "type": "Feature", "geometry": …, "properties": … }`.');
		return undefined;
	}
	const geometry = c.field(node, 'geometry', 'mapping', { label, required: true, example: '"geometry": { "type": "Point", "coordinates": [lon, lat] }' });
	const properties = c.field(node, 'properties', 'mapping', { label, required: true, example: '"properties": { "id": … }' });
	return geometry && properties && { geometry, properties };
}
