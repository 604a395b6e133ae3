/** Chapter prose: Markdown to HTML and plain text. Raw HTML is refused, not escaped, so authors learn about it. */
import MarkdownIt, { type Token } from 'markdown-it';

/** Renders with html: false, so even unchecked input cannot inject markup. */
const renderer = new MarkdownIt({ html: false });
/** Parses with html: true only to find the raw HTML the renderer would otherwise show as text. */
const htmlFinder = new MarkdownIt({ html: true });
/** Parses with every link target kept as written, to find the ones the story may not use (see links.ts). */
const linkFinder = new MarkdownIt({ html: false });
linkFinder.validateLink = () => true;
linkFinder.normalizeLink = (url) => url;

const defaultLinkOpen = renderer.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
renderer.renderer.rules.link_open = (tokens, i, options, env, self) => {
	tokens[i].attrSet('rel', 'noopener');
	return defaultLinkOpen(tokens, i, options, env, self);
};

export interface RawHtml {
	/** The HTML as written (first line of a block). */
	snippet: string;
	/** 0-based line within the Markdown source. */
	line: number;
}

export interface LinkTarget {
	/** The address as written. */
	href: string;
	/** 0-based line within the Markdown source (of the block that holds it). */
	line: number;
	/** Images are refused: the site loads nothing from other hosts, and prose carries no pictures. */
	image: boolean;
}

export interface RenderedMarkdown {
	html: string;
	/** Plain text: paragraphs separated by blank lines. */
	text: string;
	rawHtml: RawHtml[];
	links: LinkTarget[];
}

export function renderMarkdown(markdown: string): RenderedMarkdown {
	const tokens = renderer.parse(markdown, {});
	return {
		html: renderer.renderer.render(tokens, renderer.options, {}),
		text: plainText(tokens),
		rawHtml: findRawHtml(markdown),
		links: findLinks(markdown)
	};
}

function findLinks(markdown: string): LinkTarget[] {
	const found: LinkTarget[] = [];
	for (const token of linkFinder.parse(markdown, {})) {
		let line = token.map?.[0] ?? 0;
		for (const child of token.children ?? []) {
			if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
			if (child.type === 'link_open') found.push({ href: String(child.attrGet('href') ?? ''), line, image: false });
			if (child.type === 'image') found.push({ href: String(child.attrGet('src') ?? ''), line, image: true });
		}
	}
	return found;
}

function findRawHtml(markdown: string): RawHtml[] {
	const found: RawHtml[] = [];
	for (const token of htmlFinder.parse(markdown, {})) {
		const blockLine = token.map?.[0] ?? 0;
		if (token.type === 'html_block') found.push({ snippet: token.content.split('\n')[0].trim(), line: blockLine });
		let lineInBlock = 0;
		for (const child of token.children ?? []) {
			if (child.type === 'softbreak' || child.type === 'hardbreak') lineInBlock++;
			// `<b>bold</b>` is one mistake: report the opening tag only.
			const isClosingTag = child.content.startsWith('</');
			if (child.type === 'html_inline' && !isClosingTag) found.push({ snippet: child.content, line: blockLine + lineInBlock });
		}
	}
	return found;
}

function plainText(tokens: Token[]): string {
	const blocks: string[] = [];
	for (const token of tokens) {
		if (token.type !== 'inline') continue;
		const words = (token.children ?? []).map((child) =>
			child.type === 'text' || child.type === 'code_inline' ? child.content : child.type.endsWith('break') ? ' ' : ''
		);
		blocks.push(words.join(''));
	}
	return blocks.join('\n\n');
}
