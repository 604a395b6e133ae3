// @newswire/frames ships no types; the builder uses one function of its parent side.
declare module '@newswire/frames' {
	/** Sizes an existing iframe from its embed-size (and pym height) messages; returns a function that stops it. */
	export function observeIframe(iframe: HTMLIFrameElement): () => void;
}
