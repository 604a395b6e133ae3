import { publicBaseUrl } from '$lib/site/base-url.server';

/** Every page gets the public base URL for its canonical, Open Graph and oEmbed links (ShareMeta). */
export function load() {
	return { publicBaseUrl: publicBaseUrl() };
}
