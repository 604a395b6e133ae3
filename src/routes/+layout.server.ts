import { publicBaseUrl } from '$lib/site.server';

/** Every page gets the public base URL for its canonical, Open Graph and oEmbed links (ShareMeta). */
export function load() {
	return { publicBaseUrl: publicBaseUrl() };
}
