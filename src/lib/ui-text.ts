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
	mapLabel: 'Map of the story’s places',
	loadingMap: 'Loading the map…',
	noWebGL: 'The interactive map needs WebGL2, which this browser does not offer.',
	mapFailed: 'The map stopped working in this browser.',
	storyStillReads: 'The story reads in full, and each chapter says in words what the map would show.',
	approximateLocation: 'approximate location',
	precisionNote:
		'Places are drawn with the precision their sources allow: a shaded circle marks a place whose exact building is not published. Distances are great-circle distances computed from the coordinates.',
	announce: (number: number, total: number, title: string, description: string) =>
		`Chapter ${number} of ${total}: ${title}. ${description}`,
	touchToBegin: 'Touch the screen to begin',
	kioskLabel: (title: string) => `${title}: the story plays by itself. Tap to pause, swipe or use the arrow keys to move between chapters.`,
	storyControls: 'Story controls',
	paused: 'Paused',
	play: 'Play',
	stillThere: 'Still there?',
	restartsIn: 'The story starts again in',
	keepReading: 'Keep reading',
	qrLabel: (caption: string) => `QR code: ${caption}`,
	qrChapter: 'Scan to read this chapter and its sources on your phone',
	qrFirstSource: 'Scan to open the first source on your phone',
	otherEdition: 'Read in English'
};

export type UiText = typeof en;

const es: UiText = {
	chapter: 'Capítulo',
	of: 'de',
	chapters: 'Capítulos',
	afterArticle: 'Después del artículo',
	notesSummary: (sources) => `Fuentes (${sources}) y qué muestra el mapa`,
	onTheMap: 'En el mapa:',
	sourcesFor: (title) => `Fuentes de «${title}»`,
	sources: 'Fuentes',
	allSources: 'Todas las fuentes',
	credits: 'Créditos',
	publishedOn: 'Publicado el',
	toldFrom: 'Contado a partir de',
	report: (publisher, title) => `la nota de ${publisher} «${title}»`,
	skipToChapters: 'Ir a los capítulos',
	readStory: 'Leer la historia',
	embedStory: 'Insertarla en un artículo',
	kioskStory: 'Reproducirla en una pantalla de quiosco',
	readingHint: 'Desplázate para leer; el mapa te sigue. Teclas: j/k o flechas para cambiar de capítulo.',
	exploreMap: 'Explorar el mapa',
	backToStory: 'Volver a la historia',
	previous: 'Anterior',
	next: 'Siguiente',
	openFullStory: 'Abrir la historia completa',
	mapLabel: 'Mapa de los lugares de la historia',
	loadingMap: 'Cargando el mapa…',
	noWebGL: 'El mapa interactivo necesita WebGL2, que este navegador no ofrece.',
	mapFailed: 'El mapa dejó de funcionar en este navegador.',
	storyStillReads: 'La historia se lee completa, y cada capítulo describe con palabras lo que mostraría el mapa.',
	approximateLocation: 'ubicación aproximada',
	precisionNote:
		'Los lugares se dibujan con la precisión que permiten sus fuentes: un círculo sombreado marca un lugar cuyo edificio exacto no se ha publicado. Las distancias son ortodrómicas, calculadas a partir de las coordenadas.',
	announce: (number, total, title, description) => `Capítulo ${number} de ${total}: ${title}. ${description}`,
	touchToBegin: 'Toca la pantalla para empezar',
	kioskLabel: (title) => `${title}: la historia avanza sola. Toca para pausar; desliza o usa las flechas para cambiar de capítulo.`,
	storyControls: 'Controles de la historia',
	paused: 'En pausa',
	play: 'Reanudar',
	stillThere: '¿Sigues ahí?',
	restartsIn: 'La historia vuelve a empezar en',
	keepReading: 'Seguir leyendo',
	qrLabel: (caption) => `Código QR: ${caption}`,
	qrChapter: 'Escanea para leer este capítulo y sus fuentes en tu teléfono',
	qrFirstSource: 'Escanea para abrir la primera fuente en tu teléfono',
	otherEdition: 'Leer en español'
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
	qrLabel: ['caption']
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
