/**
 * A Svelte action for a box of text that must not scroll: while the text overflows, it lowers the box's `--fit` (a
 * factor on its font size) a step at a time, down to MIN_FIT. Runs when the box is shown (`visible` turns true) and
 * when the window is resized, on a screen the size of a kiosk's, rarely.
 */
const MIN_FIT = 0.6;
const STEP = 0.05;

export function fitText(node: HTMLElement, visible: boolean) {
	let frame = 0;
	const measure = () => {
		if (!visible) return;
		let scale = 1;
		node.style.setProperty('--fit', '1');
		while (scale > MIN_FIT && node.scrollHeight > node.clientHeight + 1) {
			scale = Math.max(MIN_FIT, scale - STEP);
			node.style.setProperty('--fit', scale.toFixed(2));
		}
	};
	// Measure once the page has laid out what changed (the box shown, the layout switched to portrait).
	const fit = () => {
		cancelAnimationFrame(frame);
		frame = requestAnimationFrame(measure);
	};
	fit();
	document.fonts?.ready.then(fit);
	window.addEventListener('resize', fit);
	return {
		update(next: boolean) {
			visible = next;
			fit();
		},
		destroy() {
			cancelAnimationFrame(frame);
			window.removeEventListener('resize', fit);
		}
	};
}
