import { availableLangs } from '$lib/story/load.server';

/** Every page of an edition links the story's other editions. */
export function load({ params }) {
	return { langs: availableLangs(params.story) };
}
