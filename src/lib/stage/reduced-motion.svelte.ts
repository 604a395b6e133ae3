/** Follows the reader's `prefers-reduced-motion` setting, live. */
export function reducedMotionPreference() {
	const query = typeof window === 'undefined' ? undefined : window.matchMedia('(prefers-reduced-motion: reduce)');
	let reduce = $state(query?.matches ?? false);
	$effect(() => {
		if (!query) return;
		const update = () => (reduce = query.matches);
		query.addEventListener('change', update);
		return () => query.removeEventListener('change', update);
	});
	return {
		get current() {
			return reduce;
		}
	};
}
