/** Which link targets a story may use: in prose and in source addresses, only web pages and email addresses. */

const allowed = /^(https?:\/\/[^\s/?#]+[^\s]*|mailto:[^\s]+)$/i;

/** What is wrong with a link target (to follow "`url` …" or "link `…` …"), or undefined when it is allowed. */
export function linkProblem(href: string): string | undefined {
	if (allowed.test(href)) return undefined;
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1];
	if (scheme && !/^(https?|mailto)$/i.test(scheme)) return `uses \`${scheme}:\`, which is not allowed (only http:, https: and mailto:)`;
	return 'is not a full address';
}
