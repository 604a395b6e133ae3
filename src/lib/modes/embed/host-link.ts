/**
 * Everything the embed says to and hears from the page that frames it, without touching the DOM: the page passes in
 * its parent window, how to measure its content, and what to do when the host asks for a chapter.
 *
 * - Height: sent in both auto-height protocols (frames always, pym when the URL names a pym frame id), only when it
 *   changed, except that a parent's `frames-init` or pym `width` is always answered with the current height.
 * - Chapter: the documented `story-map:chapter` event.
 * - Incoming: only messages from the parent window, of exactly a known shape; everything else is ignored silently.
 */
import { chapterEvent, parseGoCommand } from './events';
import { framesSizeMessage, isFramesInit, parsePymWidth, pymMessage } from './protocol';

export interface MessageTarget {
	postMessage(message: unknown, targetOrigin: string): void;
}

export interface HostLinkOptions {
	/** The window framing the embed; undefined when the page is opened on its own. */
	host: MessageTarget | undefined;
	/** Frame id from a pym.js parent (`?childId=`), when there is one. */
	pymId: string | undefined;
	storyId: string;
	/** Height of the embed's content in CSS pixels (may be fractional). */
	measure(): number;
	/** Chapter ids the embed shows, in order (read at the moment a command arrives). */
	shownIds(): readonly string[];
	/** The host asked for one of the shown chapters. */
	onGo(id: string): void;
}

export function createHostLink(options: HostLinkOptions) {
	const { host, pymId } = options;
	let lastHeight: number | undefined;

	function reportHeight({ force = false } = {}) {
		if (!host) return;
		const height = Math.ceil(options.measure());
		if (!force && height === lastHeight) return;
		lastHeight = height;
		host.postMessage(framesSizeMessage(height), '*');
		if (pymId) host.postMessage(pymMessage(pymId, 'height', String(height)), '*');
	}

	return {
		reportHeight,

		/** Tell the host which chapter is on show (position `index` among the shown chapters). */
		announceChapter(index: number) {
			host?.postMessage(chapterEvent(options.storyId, options.shownIds(), index), '*');
		},

		/** Handle one `message` event of the embed's window. */
		receive(event: { source: unknown; data: unknown }) {
			if (!host || event.source !== host) return;
			const { data } = event;
			if (isFramesInit(data) || (pymId && parsePymWidth(data, pymId) !== undefined)) {
				reportHeight({ force: true });
				return;
			}
			const id = parseGoCommand(data, options.shownIds());
			if (id !== undefined) options.onGo(id);
		}
	};
}

export type HostLink = ReturnType<typeof createHostLink>;
