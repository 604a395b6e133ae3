/**
 * The size the static maps are framed for, and the room the framing leaves free, as the scroll page lays out its
 * map at that size (src/routes/[lang]/[story]/+page.svelte, wide layout: the narration column covers the left, labels
 * are drawn right of a place). At 1200×630 the narration column ends at 528 px, hence 528 + 90 on the left.
 * 1200×630 is also the share card's size, so a card is the reference picture with the title where the text would be.
 */
import type { View } from './camera';

export const REFERENCE_VIEW: View = { width: 1200, height: 630, padding: { top: 80, right: 150, bottom: 60, left: 618 } };

/** Map drawn beyond the reference frame, so the picture can fill a taller or wider box without empty bands. */
export const BLEED = { x: 300, y: 285 };

/** The id of the SVG view that shows the whole drawn area, frame and bleed (`<id>.svg#drawn-area`). */
export const DRAWN_AREA_VIEW = 'drawn-area';
