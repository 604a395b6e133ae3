import { availableLangs } from '$lib/story/load.server';
import { editionPictures } from '$lib/static-map/pictures.server';

/** Every page of an edition links the story's other editions, and its map area can show the edition's static maps. */
export function load({ params }) {
	return { langs: availableLangs(params.story), pictures: editionPictures(params.story, params.lang) };
}
