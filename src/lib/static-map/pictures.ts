/**
 * The static maps of one story edition: the opening overview and one per chapter, each the chapter's whole map state
 * drawn as the live map draws it at the reference size (reference.ts).
 */
import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { describeMapState } from '$lib/geo/describe';
import { overviewState } from '$lib/geo/overview';
import { buildStyle } from '$lib/map/style';
import type { BasemapDetail } from '$lib/geo/framing';
import type { MapState, Story } from '$lib/story/types';
import { uiText } from '$lib/ui-text';
import type { Basemap } from './basemap';
import type { View } from './camera';
import type { TextMeasure } from './labels';
import { applyMapState } from './map-state';
import { BLEED, REFERENCE_VIEW } from './reference';
import { renderSvg } from './render-svg';

/** The overview's name among the chapter pictures; a chapter may not take it (see `mapPictures`). */
export const OVERVIEW_ID = 'overview';

export interface MapPicture {
	/** A chapter id, or OVERVIEW_ID. */
	id: string;
	title: string;
	/** The picture's text alternative: the chapter's map description. */
	description: string;
	state: MapState;
}

/**
 * What the map area needs to show an edition's pictures in place of the live map, known before the map data loads
 * (the edition layout's data, read by the Stage): the basemap's detail, which limits the framing's zoom as on the live
 * map, and each picture's text alternative by id.
 */
export interface EditionPictures {
	detail: BasemapDetail;
	alts: Record<string, string>;
}

/** The overview first, then every chapter in order. */
export function mapPictures(story: Story): MapPicture[] {
	const clash = story.chapters.find((chapter) => chapter.id === OVERVIEW_ID);
	if (clash) {
		throw new Error(
			`stories/${story.id}/story.${story.lang}.yaml: a chapter is called \`${OVERVIEW_ID}\`, the name of the story's opening map picture (/map/${OVERVIEW_ID}.svg). Rename the chapter.`
		);
	}
	const overview = overviewState(story.chapters);
	return [
		{ id: OVERVIEW_ID, title: story.title, description: describeMapState(overview, story.places.features, story.routes.features, story.lang), state: overview },
		...story.chapters.map((chapter) => ({ id: chapter.id, title: chapter.title, description: chapter.mapDescription, state: chapter.map }))
	];
}

/** The live style for this story, its two basemap sources named `story` and `world` so they can be looked up. */
export function storyStyle(story: Story, basemap: Basemap): StyleSpecification {
	return buildStyle(
		story.places,
		story.routes,
		{ approximateNote: uiText(story.lang, story.ui).approximateLocation, labelNames: basemap.labelNames },
		{ url: 'story', detail: basemap.detail },
		'world'
	);
}

function sourceData(style: StyleSpecification, basemap: Basemap): Record<string, FeatureCollection> {
	const byName: Record<string, FeatureCollection> = { story: basemap.story, world: basemap.world };
	return Object.fromEntries(
		Object.entries(style.sources).flatMap(([id, source]) => {
			if (source.type !== 'geojson') return [];
			const data = typeof source.data === 'string' ? byName[source.data] : (source.data as FeatureCollection);
			return data ? [[id, data]] : [];
		})
	);
}

export interface SvgOptions {
	view?: View;
	bleed?: { x: number; y: number };
}

export function pictureSvg(story: Story, picture: MapPicture, basemap: Basemap, measure: TextMeasure, options: SvgOptions = {}): string {
	const view = options.view ?? REFERENCE_VIEW;
	const style = storyStyle(story, basemap);
	const applied = applyMapState(style, picture.state, view, basemap.detail);
	return renderSvg({
		style: applied.style,
		camera: applied.camera,
		view,
		sources: sourceData(applied.style, basemap),
		measure,
		bleed: options.bleed ?? BLEED,
		title: picture.description,
		lang: story.lang,
		attribution: uiText(story.lang, story.ui).basemapAttribution
	});
}
