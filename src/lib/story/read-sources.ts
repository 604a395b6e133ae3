/** Reads sources.yaml: every source the story cites, by id. */
import { isMap, type Node, type Scalar } from 'yaml';
import type { Checker } from './checker';
import { linkProblem } from './links';
import type { Source } from './types';

const sourceFields = ['title', 'publisher', 'url', 'date', 'unverified', 'note'];

export function readSources({ checker: c }: { checker: Checker }): Map<string, Source> {
	const sources = new Map<string, Source>();
	if (!isMap(c.root)) {
		c.found.unreadable.add('source');
		c.error(c.root as Node, 'sources file must be a mapping of source ids to sources', 'Write `wikipedia-suva:` followed by indented `title:`, `publisher:` and `url:` lines.');
		return sources;
	}
	for (const pair of c.root.items) {
		const id = String((pair.key as Scalar).value);
		c.found.declared.source.add(id);
		const label = `source \`${id}\``;
		if (!isMap(pair.value)) {
			c.error((pair.value ?? pair.key) as Node, `${label} must be a mapping`, 'Give it indented `title:`, `publisher:` and `url:` lines.');
			continue;
		}
		const map = pair.value;
		c.rejectUnknownFields(map, sourceFields, label);
		const title = c.text(map, 'title', { label, required: true, example: 'title: "Headline as published"' });
		const publisher = c.text(map, 'publisher', { label, required: true, example: 'publisher: Wikipedia' });
		const url = c.text(map, 'url', { label, required: true, example: 'url: https://…' });
		const badUrl = url && linkProblem(url.value);
		if (badUrl) c.error(url.node, `${label}: \`url\` ${badUrl}`, 'Write the full address, starting with https:// (or http://, or mailto: for an email address).');
		const date = c.date(map, 'date', { label, allowMonth: true });
		const unverified = c.flag(map, 'unverified', { label, example: 'unverified: true' });
		const note = c.text(map, 'note', { label, example: 'note: "The page has moved; this is the archived copy."' });
		if (title && publisher && url && !badUrl) {
			sources.set(id, {
				id,
				title: title.value,
				publisher: publisher.value,
				url: url.value,
				...(date && { date }),
				...(unverified && { unverified }),
				...(note && { note: note.value })
			});
		}
	}
	return sources;
}
