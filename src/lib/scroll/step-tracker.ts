/**
 * Which step is active and how far the reader is through it, from the page's scroll position.
 * It knows nothing of maps. A step is active from the moment its top crosses the trigger line until
 * the next step's top does; progress runs 0 → 1 over that span.
 *
 * Reading the step positions on each animation frame after a scroll (rather than counting
 * IntersectionObserver enter/exit events) means a fast scroll or a jump always lands on the right
 * step, never on a sequence of stale ones.
 */
export interface StepPosition {
	index: number;
	progress: number;
}

export interface TrackerOptions {
	/** Trigger line as a fraction of the viewport height from the top. */
	triggerRatio: () => number;
	onChange: (position: StepPosition) => void;
}

/** Pure: the active step for step tops measured relative to the trigger line. */
export function stepAt(tops: number[], bottomOfLast: number, triggerY: number): StepPosition {
	let index = -1;
	for (let i = 0; i < tops.length; i++) if (tops[i] <= triggerY) index = i;
	if (index < 0) return { index, progress: 0 };
	const end = index + 1 < tops.length ? tops[index + 1] : bottomOfLast;
	const span = Math.max(1, end - tops[index]);
	return { index, progress: Math.min(1, Math.max(0, (triggerY - tops[index]) / span)) };
}

export function trackSteps(steps: HTMLElement[], options: TrackerOptions): () => void {
	let frame = 0;
	let last: StepPosition = { index: -2, progress: -1 };

	function measure() {
		frame = 0;
		const tops = steps.map((step) => step.getBoundingClientRect().top);
		const bottomOfLast = steps.length ? steps[steps.length - 1].getBoundingClientRect().bottom : 0;
		const position = stepAt(tops, bottomOfLast, window.innerHeight * options.triggerRatio());
		if (position.index !== last.index || Math.abs(position.progress - last.progress) > 0.002) {
			last = position;
			options.onChange(position);
		}
	}
	function schedule() {
		if (!frame) frame = requestAnimationFrame(measure);
	}

	window.addEventListener('scroll', schedule, { passive: true });
	window.addEventListener('resize', schedule, { passive: true });
	measure();
	return () => {
		window.removeEventListener('scroll', schedule);
		window.removeEventListener('resize', schedule);
		if (frame) cancelAnimationFrame(frame);
	};
}
