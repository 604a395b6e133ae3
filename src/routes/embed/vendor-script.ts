/** A prerendered JavaScript file for host pages. */
export function javascript(source: string): Response {
	return new Response(source, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
}
