/** Keys that move one chapter: +1 next, -1 previous, 0 not a step key (or focus is in a field). */
export function stepKeyDirection(event: KeyboardEvent): -1 | 0 | 1 {
	if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return 0;
	const target = event.target as HTMLElement | null;
	if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return 0;
	switch (event.key) {
		case 'ArrowDown':
		case 'PageDown':
		case 'j':
			return 1;
		case 'ArrowUp':
		case 'PageUp':
		case 'k':
			return -1;
		default:
			return 0;
	}
}
