/**
 * The interface's own words, per language. A story's words live in its story file; these are the page's
 * (buttons, headings, notes). A language the engine has no words in comes with the story: its folder carries
 * ui.<lang>.yaml with every key below (see docs/story-format.md).
 */
const en = {
	chapter: 'Chapter',
	of: 'of',
	chapters: 'Chapters',
	afterArticle: 'After the article',
	notesSummary: (sources: number) => `Sources (${sources}) and what the map shows`,
	onTheMap: 'On the map:',
	sourcesFor: (title: string) => `Sources for “${title}”`,
	sources: 'Sources',
	allSources: 'All sources',
	unverifiedSource: 'address not yet confirmed',
	credits: 'Credits',
	publishedOn: 'Published',
	toldFrom: 'Told from',
	report: (publisher: string, title: string) => `${publisher}’s report “${title}”`,
	skipToChapters: 'Skip to the chapters',
	readStory: 'Read the story',
	embedStory: 'Embed it in an article',
	kioskStory: 'Play it on a kiosk screen',
	readingHint: 'Scroll to read; the map follows. Keys: j/k or arrows move by chapter.',
	exploreMap: 'Explore the map',
	backToStory: 'Back to the story',
	previous: 'Previous',
	next: 'Next',
	openFullStory: 'Open the full story',
	/** The embed page's <title>. */
	embedTitle: (title: string) => `${title} · map`,
	mapLabel: 'Map of the story’s places',
	loadingMap: 'Loading the map…',
	noWebGL: 'The interactive map needs WebGL2, which this browser does not offer.',
	mapFailed: 'The map stopped working in this browser.',
	storyStillReads: 'The story reads in full, and each chapter says in words what the map would show.',
	mapPictureShown: 'Shown instead: a still picture of the map at each chapter.',
	shareChapter: 'Share this chapter',
	shareLinkCopied: 'Link copied.',
	shareCopyBlocked: 'The browser blocked copying: the link is selected, press Ctrl+C (⌘C on a Mac).',
	/** The chapter's share page, before its link to the chapter: “Read this chapter of the story: <title>”. */
	readChapter: 'Read this chapter of the story:',
	approximateLocation: 'approximate location',
	precisionNote:
		'Places are drawn with the precision their sources allow: a shaded circle marks a place whose exact building is not published. Distances are great-circle distances computed from the coordinates.',
	announce: (number: number, total: number, title: string, description: string) =>
		`Chapter ${number} of ${total}: ${title}. ${description}`,
	/** The map's own credit line, after the sources' attributions. */
	basemapAttribution: 'Basemap: Natural Earth',
	/** MapLibre's interface strings (its `locale` option), for the controls the story map shows. */
	mapTitle: 'Map',
	zoomIn: 'Zoom in',
	zoomOut: 'Zoom out',
	toggleAttribution: 'Toggle attribution',
	mapFeedback: 'Map feedback',
	maplibreLogo: 'MapLibre logo',
	/** The generated map descriptions (src/lib/geo/describe.ts), for chapters whose author wrote none. */
	mapShows: (places: string) => `The map shows ${places}.`,
	mapShowsNoPlace: 'The map shows the region with no place highlighted.',
	placeInCountry: (place: string, country: string) => `${place} in ${withThe(country)}`,
	/** A city, town or village with its country. */
	settlementInCountry: (place: string, country: string) => `${place}, ${country}`,
	approximatePlace: (place: string, radius: string) => `${place} (approximate location, within about ${radius})`,
	/** `line` is solidLine or dashedLine, `kind` one of the route kinds below. */
	routeLine: (line: string, kind: string, name: string, from: string, to: string, length: string) =>
		`${line} marks the ${kind} “${name}” from ${from} to ${to}, ${length}.`,
	routeLineVia: (line: string, kind: string, name: string, from: string, via: string, to: string, length: string) =>
		`${line} marks the ${kind} “${name}” from ${from} via ${via} to ${to}, ${length}.`,
	solidLine: 'A line',
	dashedLine: 'A dashed line',
	/** The kinds of route (src/lib/story/vocabulary.js), as `<kind>Route`. */
	flightRoute: 'flight route',
	roadRoute: 'road route',
	proposedRoute: 'proposed route',
	returnRoute: 'return route',
	kioskRole: 'kiosk',
	kioskLabel: (title: string) =>
			`${title}: the story plays by itself. Tap to pause, swipe or use the arrow keys to move between chapters.`,
	touchToBegin: 'Touch the screen to begin',
	storyControls: 'Story controls',
	paused: 'Paused',
	play: 'Play',
	stillThere: 'Still there?',
	restartsIn: 'The story starts again in',
	secondsUnit: 's',
	keepReading: 'Keep reading',
	qrChapter: 'Scan to read this chapter and its sources on your phone',
	qrFirstSource: 'Scan to open the first source on your phone',
	qrLabel: (caption: string) => `QR code: ${caption}`,
	otherEdition: 'Read in English',
	builderPageTitle: (title: string) => `Embed “${title}”`,
	builderDescription: (title: string) => `Embed the story map “${title}” in an article: choose chapters, preview, copy the snippet.`,
	builderLede: 'Put the story map in an article: the whole story, one chapter as a locator map, or a few chapters. Readers step through it with buttons, arrow keys or a swipe; the map never takes over the page’s scrolling.',
	builderReadFullStory: 'Read the full story',
	builderWhatToShow: 'What to show',
	builderWholeStory: (chapters: number) => `The whole story (${chapters} chapters)`,
	builderOneChapter: 'One chapter',
	builderSeveralChapters: 'Several chapters',
	builderChooseChapters: 'Chapters to show',
	builderPlayOrder: 'Order they play in',
	builderMoveUp: (title: string) => `Move “${title}” up`,
	builderMoveDown: (title: string) => `Move “${title}” down`,
	builderTooFew: 'Tick at least two chapters; until then the snippet embeds the whole story.',
	builderPreviewWidth: 'Preview width',
	builderPhone: (px: number) => `Phone (${px} px)`,
	builderTablet: (px: number) => `Tablet (${px} px)`,
	builderFullWidth: 'Full width',
	builderPreview: 'Preview',
	builderPreviewFrame: (title: string) => `Preview: ${title}`,
	builderCopyTheSnippet: 'Copy the snippet',
	builderEmbedAddress: 'Embed address:',
	builderPymNote: 'For sites and CMS plugins that use NPR’s pym.js. The frame sizes itself to its content.',
	builderFramesNote: 'The smaller successor to pym.js, also understood by AMP. The frame sizes itself to its content.',
	builderPlainIframe: 'Plain iframe',
	builderIframeNote: 'Where scripts are not allowed. A fixed height that holds the tallest chapter on a phone.',
	builderCopyButton: (snippet: string) => `Copy ${snippet} snippet`,
	builderCopied: 'Copied.',
	builderCopyBlocked: 'The browser blocked copying: the snippet is selected, press Ctrl+C (⌘C on a Mac).',
	builderOembedBefore: 'oEmbed: consumers that support discovery find',
	builderOembedAfter:
			'from the story’s page. Sites can follow the reader’s chapter and send it to a chapter with two messages, described in the project’s README under “Embedding”.'
};

/** "the United States", "the Marshall Islands", "the Dominican Republic": country names English writes with "the". */
function withThe(country: string): string {
	const takesThe = /\b(Islands|Republic|States|Kingdom|Emirates)$|^(Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros)$/.test(country);
	return takesThe ? `the ${country}` : country;
}

export type UiText = typeof en;

const es: UiText = {
	chapter: 'Capítulo',
	of: 'de',
	chapters: 'Capítulos',
	afterArticle: 'Después del artículo',
	notesSummary: (sources) => `Fuentes (${sources}) y qué muestra el mapa`,
	onTheMap: 'En el mapa:',
	sourcesFor: (title) => `Fuentes de “${title}”`,
	sources: 'Fuentes',
	allSources: 'Todas las fuentes',
	unverifiedSource: 'dirección aún sin confirmar',
	credits: 'Créditos',
	publishedOn: 'Publicado el',
	toldFrom: 'Contado a partir de',
	report: (publisher, title) => `la nota de ${publisher} “${title}”`,
	skipToChapters: 'Ir a los capítulos',
	readStory: 'Leer la historia',
	embedStory: 'Insertarla en un artículo',
	kioskStory: 'Mostrarla en una pantalla de quiosco',
	readingHint: 'Desplázate para leer; el mapa acompaña el relato. Teclas: j/k o las flechas para pasar de un capítulo a otro.',
	exploreMap: 'Explorar el mapa',
	backToStory: 'Volver a la historia',
	previous: 'Anterior',
	next: 'Siguiente',
	openFullStory: 'Abrir la historia completa',
	embedTitle: (title) => `${title} · mapa`,
	mapLabel: 'Mapa de los lugares de la historia',
	loadingMap: 'Cargando el mapa…',
	noWebGL: 'El mapa interactivo necesita WebGL2, y este navegador no lo ofrece.',
	mapFailed: 'El mapa dejó de funcionar en este navegador.',
	storyStillReads: 'La historia se puede leer completa: cada capítulo cuenta con palabras lo que mostraría el mapa.',
	mapPictureShown: 'En su lugar se muestra una imagen fija del mapa de cada capítulo.',
	shareChapter: 'Compartir este capítulo',
	shareLinkCopied: 'Enlace copiado.',
	shareCopyBlocked: 'El navegador no permitió copiar: el enlace quedó seleccionado; presiona Ctrl+C (⌘C en una Mac).',
	readChapter: 'Lee este capítulo de la historia:',
	approximateLocation: 'ubicación aproximada',
	precisionNote:
		'Los lugares se dibujan con la precisión que permiten sus fuentes: un círculo sombreado marca un lugar cuyo edificio exacto no se ha publicado. Las distancias se calculan a partir de las coordenadas, en línea recta sobre la superficie de la Tierra.',
	announce: (number, total, title, description) => `Capítulo ${number} de ${total}: ${title}. ${description}`,
	basemapAttribution: 'Mapa base: Natural Earth',
	mapTitle: 'Mapa',
	zoomIn: 'Acercar',
	zoomOut: 'Alejar',
	toggleAttribution: 'Mostrar u ocultar la atribución',
	mapFeedback: 'Comentarios sobre el mapa',
	maplibreLogo: 'Logotipo de MapLibre',
	mapShows: (places) => `El mapa muestra ${places}.`,
	mapShowsNoPlace: 'El mapa muestra la región sin ningún lugar destacado.',
	placeInCountry: (place, country) => `${place} en ${country}`,
	settlementInCountry: (place, country) => `${place}, ${country}`,
	approximatePlace: (place, radius) => `${place} (ubicación aproximada, en un radio de alrededor de ${radius})`,
	routeLine: (line, kind, name, from, to, length) => `${line} marca la ${kind} “${name}” desde ${from} hasta ${to} (${length}).`,
	routeLineVia: (line, kind, name, from, via, to, length) =>
		`${line} marca la ${kind} “${name}” desde ${from} pasando por ${via} hasta ${to} (${length}).`,
	solidLine: 'Una línea',
	dashedLine: 'Una línea discontinua',
	flightRoute: 'ruta aérea',
	roadRoute: 'ruta por carretera',
	proposedRoute: 'ruta propuesta',
	returnRoute: 'ruta de regreso',
	kioskRole: 'quiosco',
	kioskLabel: (title) =>
			`${title}: la historia avanza sola. Toca para pausarla; desliza el dedo o usa las flechas para pasar de un capítulo a otro.`,
	touchToBegin: 'Toca la pantalla para comenzar',
	storyControls: 'Controles de la historia',
	paused: 'En pausa',
	play: 'Reanudar',
	stillThere: '¿Sigues ahí?',
	restartsIn: 'La historia vuelve a empezar en',
	secondsUnit: 's',
	keepReading: 'Seguir leyendo',
	qrChapter: 'Escanea el código para leer este capítulo y sus fuentes en tu teléfono',
	qrFirstSource: 'Escanea el código para abrir la primera fuente en tu teléfono',
	qrLabel: (caption) => `Código QR: ${caption}`,
	otherEdition: 'Leer en español',
	builderPageTitle: (title) => `Insertar “${title}”`,
	builderDescription: (title) =>
			`Inserta el mapa narrativo “${title}” en un artículo: elige los capítulos, mira la vista previa y copia el código.`,
	builderLede: 'Pon el mapa narrativo en un artículo: la historia completa, un capítulo como mapa de ubicación o algunos capítulos. Los lectores avanzan con botones, con las flechas del teclado o deslizando el dedo; el mapa nunca se adueña del desplazamiento de la página.',
	builderReadFullStory: 'Leer la historia completa',
	builderWhatToShow: 'Qué mostrar',
	builderWholeStory: (chapters) => `La historia completa (${chapters} capítulos)`,
	builderOneChapter: 'Un capítulo',
	builderSeveralChapters: 'Varios capítulos',
	builderChooseChapters: 'Capítulos que se muestran',
	builderPlayOrder: 'Orden en que se muestran',
	builderMoveUp: (title) => `Subir “${title}”`,
	builderMoveDown: (title) => `Bajar “${title}”`,
	builderTooFew: 'Marca al menos dos capítulos; mientras tanto, el código inserta la historia completa.',
	builderPreviewWidth: 'Ancho de la vista previa',
	builderPhone: (px) => `Teléfono (${px} px)`,
	builderTablet: (px) => `Tableta (${px} px)`,
	builderFullWidth: 'Ancho completo',
	builderPreview: 'Vista previa',
	builderPreviewFrame: (title) => `Vista previa: ${title}`,
	builderCopyTheSnippet: 'Copia el código',
	builderEmbedAddress: 'Dirección para insertar:',
	builderPymNote: 'Para sitios y complementos de CMS que usan pym.js, de NPR. El marco ajusta su altura al contenido.',
	builderFramesNote: 'El sucesor más liviano de pym.js, compatible también con AMP. El marco ajusta su altura al contenido.',
	builderPlainIframe: 'Iframe simple',
	builderIframeNote: 'Para donde no se permiten scripts. Una altura fija que alcanza para el capítulo más largo en un teléfono.',
	builderCopyButton: (snippet) => `Copiar el código de ${snippet}`,
	builderCopied: 'Copiado.',
	builderCopyBlocked: 'El navegador no permitió copiar: el código quedó seleccionado; presiona Ctrl+C (⌘C en una Mac).',
	builderOembedBefore: 'oEmbed: los servicios que admiten el descubrimiento automático encuentran',
	builderOembedAfter:
			'desde la página de la historia. Los sitios pueden seguir el capítulo que está leyendo el lector y llevarlo a otro con dos mensajes, descritos en el README del proyecto, en la sección “Embedding”.'
};

const byLang: Record<string, UiText> = { en, es };

type PhraseKey = { [K in keyof UiText]: UiText[K] extends (...args: never[]) => string ? K : never }[keyof UiText];

type ParamNames<Values extends unknown[]> = { [I in keyof Values]: string };

/** The values each phrase takes, by name: a story's ui.<lang>.yaml writes them as `{name}` in its templates. */
export const uiPhraseParams: { [K in PhraseKey]: ParamNames<Parameters<UiText[K]>> } = {
	notesSummary: ['sources'],
	sourcesFor: ['title'],
	report: ['publisher', 'title'],
	announce: ['number', 'total', 'title', 'description'],
	kioskLabel: ['title'],
	qrLabel: ['caption'],
	embedTitle: ['title'],
	mapShows: ['places'],
	placeInCountry: ['place', 'country'],
	settlementInCountry: ['place', 'country'],
	approximatePlace: ['place', 'radius'],
	routeLine: ['line', 'kind', 'name', 'from', 'to', 'length'],
	routeLineVia: ['line', 'kind', 'name', 'from', 'via', 'to', 'length'],
	builderPageTitle: ['title'],
	builderDescription: ['title'],
	builderWholeStory: ['chapters'],
	builderPhone: ['px'],
	builderTablet: ['px'],
	builderPreviewFrame: ['title'],
	builderMoveUp: ['title'],
	builderMoveDown: ['title'],
	builderCopyButton: ['snippet']
};

/** Every key of the interface's words: a story's ui.<lang>.yaml must give them all. */
export const uiKeys = Object.keys(en) as (keyof UiText)[];

/** The interface's words from a story's ui.<lang>.yaml: text, or templates with `{name}` placeholders. */
export type UiWords = Record<string, string>;

/** True when the engine has interface words for `lang` or its primary language (`es` for `es-419`). */
export function hasUiText(lang: string): boolean {
	return engineText(lang) !== undefined;
}

/**
 * The interface words for `lang`: the story's own (`words`, from its ui.<lang>.yaml) when it has them, else the
 * engine's for the language or its primary language, else English.
 */
export function uiText(lang: string, words?: UiWords): UiText {
	if (words) return fromWords(words, lang);
	return engineText(lang) ?? en;
}

function engineText(lang: string): UiText | undefined {
	return byLang[lang] ?? byLang[lang.split('-')[0]];
}

function fromWords(words: UiWords, lang: string): UiText {
	const numbers = new Intl.NumberFormat(lang);
	const fill = (template: string, names: readonly string[], values: unknown[]) =>
		template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
			const value = values[names.indexOf(name)];
			return value === undefined ? placeholder : typeof value === 'number' ? numbers.format(value) : String(value);
		});
	const text: Record<string, unknown> = {};
	for (const key of uiKeys) {
		const names: readonly string[] | undefined = (uiPhraseParams as Record<string, readonly string[]>)[key];
		text[key] = names ? (...values: unknown[]) => fill(words[key], names, values) : words[key];
	}
	return text as UiText;
}
