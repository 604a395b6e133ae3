import { error } from '@sveltejs/kit';
import { legacyEdition } from '$lib/site/config.server';
import { kioskPath } from '$lib/site/urls';

/** The address of the first single-story site: forwards to the legacy story's English edition (stories/site.yaml). */
export function load() {
	const edition = legacyEdition();
	if (!edition) error(404, 'No story to forward to.');
	return { target: kioskPath(edition) };
}
