/**
 * The interface's own words, per language. A story's words live in its story file; these are the page's
 * (buttons, headings, notes, accessible names). A new edition adds its language here and needs no other change to
 * the engine; tests/unit/ui-text.test.ts fails while any of its words is still the English one.
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
	sourcesAndCredits: 'Sources and credits',
	credits: 'Credits',
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
	approximateLocation: 'approximate location',
	precisionNote:
		'Places are drawn with the precision their sources allow: a shaded circle marks a place whose exact building is not published. Distances are great-circle distances computed from the coordinates.',
	announce: (number: number, total: number, title: string, description: string) =>
		`Chapter ${number} of ${total}: ${title}. ${description}`,
	/** The map's own credit line, after the sources' attributions. */
	basemapAttribution: 'Basemap: Natural Earth',
	/** MapLibre's interface strings (its `locale` option), for the controls the story map shows. */
	mapControls: {
		'Map.Title': 'Map',
		'NavigationControl.ZoomIn': 'Zoom in',
		'NavigationControl.ZoomOut': 'Zoom out',
		'AttributionControl.ToggleAttribution': 'Toggle attribution',
		'AttributionControl.MapFeedback': 'Map feedback',
		'LogoControl.Title': 'MapLibre logo'
	},
	kiosk: {
		/** The kiosk's role, said by screen readers in place of "application". */
		roleDescription: 'kiosk',
		label: (title: string) =>
			`${title}: the story plays by itself. Tap to pause, swipe or use the arrow keys to move between chapters.`,
		invitation: 'Touch the screen to begin',
		/** Announced while the attract screen shows. */
		attractAnnouncement: (title: string) => `${title}. Touch the screen to begin.`,
		controls: 'Story controls',
		paused: 'Paused',
		play: 'Play',
		stillThere: 'Still there?',
		/** "The story starts again in <countdown> s". */
		restartsIn: 'The story starts again in',
		secondsUnit: 's',
		keepReading: 'Keep reading',
		qrChapter: 'Scan to read this chapter and its sources on your phone',
		qrFirstSource: 'Scan to open the first source on your phone',
		qrLabel: (caption: string) => `QR code: ${caption}`
	},
	builder: {
		pageTitle: (title: string) => `Embed “${title}”`,
		description: (title: string) => `Embed the story map “${title}” in an article: choose chapters, preview, copy the snippet.`,
		lede: 'Put the story map in an article: the whole story, one chapter as a locator map, or a few chapters. Readers step through it with buttons, arrow keys or a swipe; the map never takes over the page’s scrolling.',
		readFullStory: 'Read the full story',
		whatToShow: 'What to show',
		wholeStory: (chapters: number) => `The whole story (${chapters} chapters)`,
		oneChapter: 'One chapter',
		severalChapters: 'Several chapters',
		inStoryOrder: 'Chapters, shown in story order',
		tooFew: 'Tick at least two chapters; until then the snippet embeds the whole story.',
		previewWidth: 'Preview width',
		phone: (px: number) => `Phone (${px} px)`,
		tablet: (px: number) => `Tablet (${px} px)`,
		fullWidth: 'Full width',
		preview: 'Preview',
		previewFrame: (title: string) => `Preview: ${title}`,
		copyTheSnippet: 'Copy the snippet',
		embedAddress: 'Embed address:',
		pymNote: 'For sites and CMS plugins that use NPR’s pym.js. The frame sizes itself to its content.',
		framesNote: 'The smaller successor to pym.js, also understood by AMP. The frame sizes itself to its content.',
		plainIframe: 'Plain iframe',
		iframeNote: 'Where scripts are not allowed. A fixed height that fits the map and most captions.',
		copyButton: (snippet: string) => `Copy ${snippet} snippet`,
		copied: 'Copied.',
		copyBlocked: 'The browser blocked copying: the snippet is selected, press Ctrl+C (⌘C on a Mac).',
		/** "oEmbed: … find <the oEmbed address> from the story’s page. …" */
		oembedBefore: 'oEmbed: consumers that support discovery find',
		oembedAfter:
			'from the story’s page. Sites can follow the reader’s chapter and send it to a chapter with two messages, described in the project’s README under “Embedding”.'
	}
};

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
	sourcesAndCredits: 'Fuentes y créditos',
	credits: 'Créditos',
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
	approximateLocation: 'ubicación aproximada',
	precisionNote:
		'Los lugares se dibujan con la precisión que permiten sus fuentes: un círculo sombreado marca un lugar cuyo edificio exacto no se ha publicado. Las distancias se calculan a partir de las coordenadas, en línea recta sobre la superficie de la Tierra.',
	announce: (number, total, title, description) => `Capítulo ${number} de ${total}: ${title}. ${description}`,
	basemapAttribution: 'Mapa base: Natural Earth',
	mapControls: {
		'Map.Title': 'Mapa',
		'NavigationControl.ZoomIn': 'Acercar',
		'NavigationControl.ZoomOut': 'Alejar',
		'AttributionControl.ToggleAttribution': 'Mostrar u ocultar la atribución',
		'AttributionControl.MapFeedback': 'Comentarios sobre el mapa',
		'LogoControl.Title': 'Logotipo de MapLibre'
	},
	kiosk: {
		roleDescription: 'quiosco',
		label: (title) =>
			`${title}: la historia avanza sola. Toca para pausarla; desliza el dedo o usa las flechas para pasar de un capítulo a otro.`,
		invitation: 'Toca la pantalla para comenzar',
		attractAnnouncement: (title) => `${title}. Toca la pantalla para comenzar.`,
		controls: 'Controles de la historia',
		paused: 'En pausa',
		play: 'Reanudar',
		stillThere: '¿Sigues ahí?',
		restartsIn: 'La historia vuelve a empezar en',
		secondsUnit: 's',
		keepReading: 'Seguir leyendo',
		qrChapter: 'Escanea el código para leer este capítulo y sus fuentes en tu teléfono',
		qrFirstSource: 'Escanea el código para abrir la primera fuente en tu teléfono',
		qrLabel: (caption) => `Código QR: ${caption}`
	},
	builder: {
		pageTitle: (title) => `Insertar “${title}”`,
		description: (title) =>
			`Inserta el mapa narrativo “${title}” en un artículo: elige los capítulos, mira la vista previa y copia el código.`,
		lede: 'Pon el mapa narrativo en un artículo: la historia completa, un capítulo como mapa de ubicación o algunos capítulos. Los lectores avanzan con botones, con las flechas del teclado o deslizando el dedo; el mapa nunca se adueña del desplazamiento de la página.',
		readFullStory: 'Leer la historia completa',
		whatToShow: 'Qué mostrar',
		wholeStory: (chapters) => `La historia completa (${chapters} capítulos)`,
		oneChapter: 'Un capítulo',
		severalChapters: 'Varios capítulos',
		inStoryOrder: 'Capítulos, en el orden de la historia',
		tooFew: 'Marca al menos dos capítulos; mientras tanto, el código inserta la historia completa.',
		previewWidth: 'Ancho de la vista previa',
		phone: (px) => `Teléfono (${px} px)`,
		tablet: (px) => `Tableta (${px} px)`,
		fullWidth: 'Ancho completo',
		preview: 'Vista previa',
		previewFrame: (title) => `Vista previa: ${title}`,
		copyTheSnippet: 'Copia el código',
		embedAddress: 'Dirección para insertar:',
		pymNote: 'Para sitios y complementos de CMS que usan pym.js, de NPR. El marco ajusta su altura al contenido.',
		framesNote: 'El sucesor más liviano de pym.js, compatible también con AMP. El marco ajusta su altura al contenido.',
		plainIframe: 'Iframe simple',
		iframeNote: 'Para donde no se permiten scripts. Una altura fija que alcanza para el mapa y la mayoría de los textos.',
		copyButton: (snippet) => `Copiar el código de ${snippet}`,
		copied: 'Copiado.',
		copyBlocked: 'El navegador no permitió copiar: el código quedó seleccionado; presiona Ctrl+C (⌘C en una Mac).',
		oembedBefore: 'oEmbed: los servicios que admiten el descubrimiento automático encuentran',
		oembedAfter:
			'desde la página de la historia. Los sitios pueden seguir el capítulo que está leyendo el lector y llevarlo a otro con dos mensajes, descritos en el README del proyecto, en la sección “Embedding”.'
	}
};

const byLang: Record<string, UiText> = { en, es };

/** The interface words for `lang`, English where a language has none yet. */
export function uiText(lang: string): UiText {
	return byLang[lang] ?? en;
}
