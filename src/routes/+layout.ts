// Every page is prerendered: all text is HTML before any script runs.
export const prerender = true;
export const trailingSlash = 'always';
