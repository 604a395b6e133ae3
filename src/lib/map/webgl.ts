/** MapLibre 6 draws with WebGL2; without it the map area says so and the story reads on. */
export function supportsWebGL2(): boolean {
	try {
		const canvas = document.createElement('canvas');
		return Boolean(window.WebGL2RenderingContext && canvas.getContext('webgl2'));
	} catch {
		return false;
	}
}
