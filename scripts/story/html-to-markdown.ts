/**
 * Chapter HTML from other story-map tools, as the Markdown a story file takes. Text, paragraphs, emphasis, links,
 * lists and quotes carry over; what a story cannot hold or must not run (scripts, frames, images, event-handler
 * attributes, javascript: links) is left out and named in `dropped`, so the import report can list it.
 */

export interface Converted {
	markdown: string;
	/** One line per thing left out, e.g. "an <iframe> (embedded content)". */
	dropped: string[];
}

interface Element {
	name: string;
	attrs: Map<string, string>;
	children: HtmlNode[];
}
type HtmlNode = string | Element;

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Left out with everything inside them. */
const droppedElements: Record<string, string> = {
	script: 'a <script> (code is never carried over)',
	style: 'a <style> block (the site has its own styles)',
	iframe: 'an <iframe> (embedded content)',
	object: 'an <object> (embedded content)',
	embed: 'an <embed> (embedded content)',
	video: 'a <video>',
	audio: 'an <audio>',
	canvas: 'a <canvas>',
	svg: 'an inline <svg> drawing',
	form: 'a <form>',
	button: 'a <button>',
	input: 'an <input>',
	select: 'a <select>',
	textarea: 'a <textarea>',
	noscript: 'a <noscript> block',
	template: 'a <template>',
	math: 'a <math> formula',
	link: 'a <link> element',
	meta: 'a <meta> element',
	base: 'a <base> element'
};
const blockElements = new Set([
	'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'main', 'nav', 'figure', 'figcaption', 'center', 'address',
	'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'hr', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'dl', 'dt', 'dd'
]);

const namedEntities: Record<string, string> = {
	amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’',
	ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', deg: '°', middot: '·', euro: '€', pound: '£', eacute: 'é',
	aacute: 'á', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', uuml: 'ü', ouml: 'ö', auml: 'ä', ccedil: 'ç', egrave: 'è', agrave: 'à'
};

export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return namedEntities[name.toLowerCase()] ?? whole;
	});
}

/** A forgiving parse: unclosed tags close with their parent, stray end tags are ignored. */
function parse(html: string, dropped: string[]): HtmlNode[] {
	const root: Element = { name: '#root', attrs: new Map(), children: [] };
	const stack: Element[] = [root];
	const tag = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>|<\/([a-zA-Z][\w:-]*)\s*>|<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
	let last = 0;
	const top = () => stack[stack.length - 1];
	for (let match = tag.exec(html); match; match = tag.exec(html)) {
		if (match.index! > last) top().children.push(decodeEntities(html.slice(last, match.index)));
		last = match.index! + match[0].length;
		const [, endName, startName, attrText = '', selfClosing] = match;
		if (endName) {
			const name = endName.toLowerCase();
			const open = stack.map((e) => e.name).lastIndexOf(name);
			if (open > 0) stack.length = open;
			continue;
		}
		if (!startName) continue; // comment, doctype, CDATA
		const name = startName.toLowerCase();
		const attrs = new Map<string, string>();
		for (const a of attrText.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
			attrs.set(a[1].toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
		}
		const handlers = [...attrs.keys()].filter((key) => key.startsWith('on'));
		if (handlers.length > 0) dropped.push(`event-handler attribute${handlers.length > 1 ? 's' : ''} ${handlers.join(', ')} on a <${name}> (code is never carried over)`);
		const element: Element = { name, attrs, children: [] };
		if (name in droppedElements) {
			dropped.push(droppedElements[name] + describeSource(attrs));
			if (!voidElements.has(name) && !selfClosing) {
				// Skip to its end tag: its content is code or embedded media, not prose.
				const end = html.toLowerCase().indexOf(`</${name}`, last);
				last = end === -1 ? html.length : html.indexOf('>', end) + 1 || html.length;
				tag.lastIndex = last;
			}
			continue;
		}
		// A new paragraph or list item closes the one still open, as browsers do.
		const open = stack.map((e) => e.name).lastIndexOf(name);
		if ((name === 'p' || name === 'li') && open > 0) stack.length = open;
		top().children.push(element);
		if (!voidElements.has(name) && !selfClosing) stack.push(element);
	}
	if (last < html.length) top().children.push(decodeEntities(html.slice(last)));
	return root.children;
}

function describeSource(attrs: Map<string, string>): string {
	const src = attrs.get('src') ?? attrs.get('data') ?? attrs.get('href');
	return src ? `: ${src}` : '';
}

/** Escapes what Markdown (and the story's `{{…}}` figures) would otherwise read as syntax. */
function escapeText(text: string): string {
	return text.replace(/[\\`*_[\]<>{}|]/g, (c) => `\\${c}`);
}

function escapeAtLineStart(line: string): string {
	return line.replace(/^(\s*)([#+-]|\d+[.)])(\s)/, (_, space: string, mark: string, after: string) => `${space}${mark.replace(/([#+\-.)])$/, '\\$1')}${after}`);
}

type LinkVerdict = { ok: true; url: string } | { ok: false; why: string };

export function checkLink(href: string): LinkVerdict {
	const url = href.trim();
	// Browsers ignore tabs and newlines inside a scheme ("java\tscript:"): compare without them.
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\s\u0000-\u001f]/g, ''))?.[1]?.toLowerCase();
	if (scheme === 'http' || scheme === 'https' || scheme === 'mailto') return { ok: true, url: url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`) };
	if (scheme) return { ok: false, why: `a ${scheme}: link (unsafe; its text is kept)` };
	return { ok: false, why: `a relative link ${url ? `to ${url} ` : ''}(it pointed into the original site; its text is kept)` };
}

class Writer {
	constructor(readonly dropped: string[]) {}

	/** Inline content as one Markdown string (may hold hard breaks). */
	inline(nodes: HtmlNode[]): string {
		return nodes.map((node) => this.inlineNode(node)).join('');
	}

	inlineNode(node: HtmlNode): string {
		if (typeof node === 'string') return escapeText(node.replace(/\s+/g, ' '));
		const inner = () => this.inline(node.children);
		switch (node.name) {
			case 'br':
				return '\\\n';
			case 'strong':
			case 'b':
				return wrap(inner(), '**');
			case 'em':
			case 'i':
			case 'cite':
				return wrap(inner(), '*');
			case 'code':
			case 'kbd':
			case 'samp':
				return wrap(node.children.map((c) => (typeof c === 'string' ? c : '')).join('').replace(/`/g, "'"), '`');
			case 'img': {
				const alt = node.attrs.get('alt')?.trim();
				this.dropped.push(`an image${describeSource(node.attrs)}${alt ? ` ("${alt}")` : ''} (the story shows no images)`);
				return '';
			}
			case 'a': {
				const text = inner();
				const href = node.attrs.get('href');
				if (href === undefined) return text;
				const verdict = checkLink(href);
				if (verdict.ok) return text.trim() ? `[${text.trim()}](${verdict.url})` : '';
				this.dropped.push(verdict.why);
				return text;
			}
			default:
				return blockElements.has(node.name) ? ` ${this.blocks([node]).join(' ')} ` : inner();
		}
	}

	/** Block content as Markdown blocks (paragraphs, lists, quotes), to be joined by blank lines. */
	blocks(nodes: HtmlNode[]): string[] {
		const blocks: string[] = [];
		let inline: HtmlNode[] = [];
		const flush = () => {
			const text = tidy(this.inline(inline));
			if (text) blocks.push(text);
			inline = [];
		};
		for (const node of nodes) {
			if (typeof node === 'string' || !blockElements.has(node.name)) {
				inline.push(node);
				continue;
			}
			flush();
			blocks.push(...this.block(node));
		}
		flush();
		return blocks;
	}

	block(node: Element): string[] {
		switch (node.name) {
			case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': {
				const text = tidy(this.inline(node.children));
				return text ? [wrap(text, '**')] : [];
			}
			case 'hr':
				return [];
			case 'ul':
			case 'ol': {
				const items = node.children.filter((c): c is Element => typeof c !== 'string' && c.name === 'li');
				const lines = items.map((item, index) => {
					const marker = node.name === 'ol' ? `${index + 1}. ` : '- ';
					const body = this.blocks(item.children).join('\n\n') || ' ';
					return marker + body.replace(/\n/g, `\n${' '.repeat(marker.length)}`);
				});
				return lines.length ? [lines.join('\n')] : [];
			}
			case 'blockquote': {
				const inner = this.blocks(node.children).join('\n\n');
				return inner ? [inner.split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n')] : [];
			}
			case 'pre': {
				const text = textOf(node).replace(/^\n|\n$/g, '').replace(/`{3,}/g, "'''");
				return text.trim() ? ['```\n' + text + '\n```'] : [];
			}
			case 'table': case 'thead': case 'tbody': case 'tfoot': {
				const rows = rowsOf(node).map((row) => row.map((cell) => tidy(this.inline(cell.children))).filter(Boolean).join(' · ')).filter(Boolean);
				if (rows.length) this.dropped.push('a table\'s layout (its rows are kept as paragraphs)');
				return rows;
			}
			default:
				return this.blocks(node.children);
		}
	}
}

function rowsOf(node: Element): Element[][] {
	return node.children.flatMap((child) => {
		if (typeof child === 'string') return [];
		if (child.name === 'tr') return [child.children.filter((c): c is Element => typeof c !== 'string' && (c.name === 'td' || c.name === 'th'))];
		return rowsOf(child);
	});
}

function textOf(node: HtmlNode): string {
	return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

/** `**text**` with the spaces kept outside, so Markdown reads it as emphasis; nothing for empty text. */
function wrap(text: string, mark: string): string {
	const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
	return match[2] ? `${match[1]}${mark}${match[2]}${mark}${match[3]}` : match[1] + match[3];
}

/** One paragraph: spaces collapsed, lines trimmed, a list-like start escaped. */
function tidy(text: string): string {
	return text
		.split('\n')
		.map((line) => escapeAtLineStart(line.replace(/ {2,}/g, ' ').trim()))
		.join('\n')
		.replace(/\\\n*$/, '')
		.trim();
}

export function htmlToMarkdown(html: string): Converted {
	const dropped: string[] = [];
	const markdown = new Writer(dropped).blocks(parse(html, dropped)).join('\n\n');
	return { markdown, dropped };
}
