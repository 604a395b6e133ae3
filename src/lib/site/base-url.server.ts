/**
 * The site's public base URL, read at build time (prerender) from PUBLIC_BASE_URL; see README.md, "Embedding".
 * Server-only: pages receive it through load data, so no page has to fetch SvelteKit's runtime env module.
 */
import { env } from '$env/dynamic/public';
import { normalizeBaseUrl } from './urls';

export function publicBaseUrl(): string {
	return normalizeBaseUrl(env.PUBLIC_BASE_URL);
}
