/** Site-wide settings from `stories/site.yaml` (optional); see docs/story-format.md. */
import { parse } from 'yaml';
import { editions, storyIds } from '$lib/story/load.server';
import type { Edition } from './urls';

const files = import.meta.glob<string>('/stories/site.yaml', { query: '?raw', import: 'default', eager: true });

/**
 * The edition the site's first single-story addresses (/embed/, /kiosk/) forward to: `legacy-story` in English,
 * else the story's first edition; without the setting, the first story.
 */
export function legacyEdition(): Edition | undefined {
	const text = files['/stories/site.yaml'];
	const settings = (text ? parse(text) : {}) as { 'legacy-story'?: unknown };
	const wanted = settings['legacy-story'];
	if (wanted !== undefined && (typeof wanted !== 'string' || !storyIds().includes(wanted))) {
		throw new Error(`stories/site.yaml: \`legacy-story\` must name a story folder (${storyIds().join(', ')}); it is ${JSON.stringify(wanted)}.`);
	}
	const candidates = editions().filter((edition) => wanted === undefined || edition.story === wanted);
	return candidates.find((edition) => edition.lang === 'en') ?? candidates[0];
}
