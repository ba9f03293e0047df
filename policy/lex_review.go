package policy

// reviewLexicon holds the phrases of the review rules in German, English,
// French, Italian and Spanish. Traps from policy.md §3 are handled by the
// cancelling categories (catNotReview, catNotIncentive) rather than by
// leaving common words out.
var reviewLexicon = map[category][]string{
	catReviewStrong: {
		"feedback|bewertung*|*rezension ~4 hinterlassen|hinterlässt|abgeben|abgibt|schreiben|schreibt|verfassen", "hinterlassen|hinterlässt ~3 feedback|bewertung*|*rezension", "feedback ~2 auf|bei amazon", "rückmeldung ~3 auf|bei amazon", "bewertung ~4 stehen ~1 bleibt|bleiben",
		// en
		"reviews", "a review", "your review", "product review", "customer review", "honest review",
		"review on|at amazon", "review us", "review the|your|our product|item|purchase|order",
		"@leave_en ~3 review|reviews|rating|ratings|feedback", "rate us", "rate ~2 product|item|purchase|experience|seller",
		"star rating", "seller feedback", "feedback rating", "feedback on amazon", "product rating*",
		// de
		"*rezension", "bewertung*", "produktbewertung*", "kundenbewertung*", "verkäuferbewertung*",
		"sternebewertung*", "erfahrungsbericht*", "verkäuferfeedback", "verkäufer-feedback", "bewerten sie", "zu bewerten",
		// sharing one's experience on Amazon is writing a review
		"share|shared|sharing ~3 experience|experiences|thoughts ~2 on|at amazon",
		"erfahrung* ~5 auf|bei amazon ~1 teilen|mitteilen|schildern|beschreiben",
		"teilen|schildern|beschreiben ~3 erfahrung* ~3 amazon", "partager|partagez|partagiez ~3 expérience ~2 sur amazon",
		"condividere|condivida|condividi ~3 esperienza ~2 su amazon", "compartir|comparta|compartas ~3 experiencia ~2 en amazon",
		// fr
		"avis client*", "avis clients", "avis sur amazon", "avis positif*", "avis négatif*",
		"laisser|déposer|écrire|rédiger|donner|partager|laissez|déposez ~3 avis|commentaire|évaluation|note",
		// it
		"recensione", "recensioni",
		// es
		"reseña", "reseñas", "opinión en amazon",
		"dejar|escribir|publicar|deje|escriba|dejarnos ~3 opinión|valoración|calificación|comentario|reseña",
	},
	catReviewWeak: {
		"rating", "ratings", "feedback", "bewerten", "meinung ~2 teilen|mitteilen",
		"avis", "commentaire", "commentaires", "évaluation", "évaluations",
		"valutazione", "valutazioni", "opinione",
		"opinión", "opiniones", "valoración", "valoraciones", "calificación", "comentario",
	},
	catNotReview: {
		"review of|for ~1 your|the|this ~1 case|request|claim|return|complaint|account|refund|situation|order|photos|pictures|images",
		"under review", "manual review", "for review", "further review",
		"based on ~1 your ~1 review|feedback", "thanks to your feedback", "following your feedback",
		"bewertung ~1 des|der|ihres|ihrer|eines|einer|unseres ~1 fall*|falls|schaden*|schäden|sachverhalt*|anliegen*|reklamation*|antrag*|situation|rücksendung|ware|retoure*|mangels|defekt*|foto*|bilder|bildern|aufnahme*|unterlagen|belege",
		"évaluation des|de ~1 photos|dommages|dégâts", "valutazione delle|dei ~1 foto|immagini", "valoración de ~1 las ~1 fotos|imágenes",
		"aufgrund|dank|entsprechend|gemäß|wegen ~1 ihrer|ihres|ihrem|ihren|der|dem @prodrev|feedback",
		"den schaden ~2 bewerten", "zu bewerten ob",
		"avis de passage|réception|livraison|expédition|envoi|dépôt|la|paiement", "avis d'expédition", "avis d'envoi",
		"à mon|notre|votre avis", "sans avis",
		"valutazione del|dei|della ~1 danno|danni|caso|reclamo|richiesta|situazione",
		"valoración del|de ~1 daño|daños|caso|reclamación|situación", "en mi|nuestra opinión",
	},
	catSolicit: {
		"freuen wir uns ~3 über", "würden wir uns ~4 freuen", "wir freuen uns ~3 über", "über ~4 freuen", "all we ask", "we only ask", "we ask", "wir bitten", "nous demandons", "chiediamo", "pedimos", "would love", "would be great", "wäre toll|super|schön|klasse", "wären ~3 dankbar", "serait ~2 génial|super|top", "sarebbe ~2 fantastico|bello|top", "sería ~2 genial|estupendo",
		"please", "bitte", "would you", "could you", "would be grateful|delighted|happy|thrilled",
		"we would ~2 appreciate|love|be", "we d ~2 appreciate|love|be", "take a moment|minute", "würden sie", "könnten sie",
		"wir würden uns ~3 freuen", "würden uns ~3 freuen", "freuen uns ~3 über", "freuen uns ~1 wenn", "nehmen sie sich",
		"pourriez-vous", "n'hésitez pas", "nous serions ravis", "merci de",
		"potrebbe", "potresti", "ci farebbe piacere", "le saremmo grati", "la preghiamo",
		"podría", "le agradeceríamos", "nos encantaría", "por favor",
	},
	catIncentive: {
		// en
		"free", "for free", "gift card*", "giftcard*", "gift voucher*", "voucher*", "coupon*", "discount*",
		"refund*", "reimburse*", "cashback", "cash back", "money back", "giveaway*", "reward*", "compensat*",
		"bonus", "free product|item|gift|sample", "% off",
		// de
		"gutschein*", "*gutschein", "rabatt*", "*rabatt", "preisnachlass", "nachlass", "gratis*", "kostenlos*",
		"umsonst", "geschenk", "geschenke", "gratisprobe*", "belohnung*", "belohnen", "rückerstattung*",
		"erstattung*", "erstatten", "erstattet", "zurückerstatten", "zurückerstattet", "geld zurück", "verlosung*",
		"gewinnspiel*", "prämie", "vergünstig*", "ermäßig*", "entschädig*",
		// fr
		"gratuit*", "remise*", "réduction*", "bon d'achat", "bon de réduction", "code promo", "carte cadeau",
		"carte-cadeau", "chèque cadeau", "cadeau*", "rembours*", "récompense*",
		// it
		"gratis", "sconto*", "buono sconto|regalo|acquisto", "codice sconto", "rimbors*", "omaggio*", "regalo", "premio",
		// es
		"descuento*", "cupón*", "cupon*", "código promocional", "tarjeta regalo", "reembols*", "regalo*",
		"sorteo*", "recompensa*", "compensación",
		// a "small gesture" is a gift, however modestly named
		"small|little ~1 gesture|token|something|surprise", "gesture of ~1 thanks|appreciation|gratitude",
		"kleine* ~1 aufmerksamkeit|überraschung", "petit* ~1 geste|attention|surprise",
		"piccol* ~1 pensiero|omaggio|sorpresa", "pensierino", "pequeñ* ~1 detalle|obsequio|sorpresa", "obsequio*",
	},
	catNotIncentive: {
		"feel free", "toll free", "free of charge replacement|return|repair", "free replacement|return|returns|repair",
		"kostenlos* ersatz*|rücksend*|rückversand*|umtausch*|reparatur*|austausch*|nachlieferung*|ersatzlieferung*",
		"kostenlos* ~1 ersatz*|rücksend*|umtausch*",
		"retour|retours|remplacement|réparation gratuit*", "gratuitement ~1 remplac*",
		"sostituzione|reso|riparazione gratuit*", "reso gratuito",
		"devolución|sustitución|reparación gratuit*", "free shipping label",
	},
	catExchange: {
		"in exchange", "in return", "as a thank you", "as thanks", "as a token", "for your ~1 review|feedback|rating",
		"after you ~2 leave|write|post|submit", "once you ~2 leave|write|post|submit",
		"als dankeschön", "als dank", "als kleines dankeschön", "im gegenzug", "dafür erhalten|bekommen",
		"für ihre|ihr|eine|deine|dein ~1 bewertung*|*rezension|feedback", "dès que|lorsque ~3 avis|commentaire|évaluation", "une fois que ~3 avis|commentaire", "as soon as ~3 review|feedback|rating", "appena ~3 recensione|valutazione", "en cuanto ~3 reseña|opinión|valoración", "una vez que ~3 reseña|opinión", "nachdem sie ~4 bewertung*|*rezension|bewertet",
		"sobald sie ~4 bewertung*|*rezension|bewertet",
		"en échange", "en remerciement", "pour votre ~1 avis|commentaire|évaluation",
		"in cambio", "come ringraziamento", "per la sua|tua ~1 recensione|valutazione",
		"a cambio", "como agradecimiento", "por su|tu ~1 reseña|opinión|valoración",
	},
	catInReturn: {
		"im gegenzug", "als gegenleistung", "in exchange", "in return", "en échange", "en contrepartie",
		"in cambio", "a cambio",
	},
	catPositiveReview: {
		"nette|positive|lobende|freundliche|schöne|gute ~1 worte", "kind|nice|good|positive|lovely ~1 words", "mots gentils", "gentils mots", "belle parole", "parole gentili", "palabras bonitas|amables", "@five ~1 sternchen", "volle ~1 punktzahl|sterne|sternzahl", "five little stars", "full stars", "toutes les étoiles", "tutte le stelle", "todas las estrellas",
		"@pos @prodrev|@fb", "@prodrev|@fb @posafter", "@five @star @prodrev|@fb|bewertung*",
		"@leave_en|@leave_de|donner|laisser|mettre|mettez|dare|lasciare|dar|dejar|deje|poner ~3 @five ~1 @star",
		"full marks", "volle punktzahl", "top bewertung*", "top-bewertung*", "topbewertung*", "best rating",
		"la note maximale", "il punteggio massimo", "la máxima puntuación",
		"@prodrev|note ~2 @five ~1 @star", "@five ~1 @star auf|on|sur|su|en amazon",
	},
	catStars: {"@five ~1 @star", "five-star", "fünf-sterne", "5-sterne"},
	catIfHappy: {
		"if you are|were|re|feel ~2 @happy", "if you like|liked|love|loved|enjoy|enjoyed",
		"if you had ~2 positive|good|great|pleasant experience",
		"wenn|falls|sofern sie ~4 @happy", "wenn|falls|sofern ~4 gefällt|gefallen",
		"wenn|falls|sofern sie ~3 positive|gute erfahrung*", "wenn|falls|sofern ~3 gepasst",
		"si vous êtes|étiez|avez ~2 @happy", "si ~3 vous plaît|plaît", "si vous aimez|avez aimé",
		"se sei|è|siete ~2 @happy", "se ~3 piaciuto|piace",
		"si está|estás|están|quedó|ha|has ~2 @happy", "si le|te ~2 gusta|gustó|gustado",
	},
	catIfUnhappy: {
		"if you are|were|re ~1 not ~2 @happy", "if you aren|weren t ~2 @happy", "not ~2 @happy",
		"if there ~1 is|are|was|were ~2 problem|problems|issue|issues", "if anything ~2 wrong|not", "if not",
		"if you have|had|experience|encounter ~3 problem|problems|issue|issues|concerns",
		"nicht ~2 @happy", "unzufrieden", "bei problemen|fragen|schwierigkeiten|unklarheiten",
		"falls|wenn|sollte|sollten ~4 problem*|schiefgehen|schief|mängel|mangel", "falls|wenn|sollte|sollten ~4 nicht ~1 stimmen|passen|funktionier*|gefallen|gefällt",
		"pas ~2 @happy", "insatisfait*", "en cas de problème", "si ~3 problème",
		"non ~2 @happy", "insoddisfatt*", "in caso di problemi", "se ~3 problema|problemi",
		"no ~2 @happy", "insatisfech*", "en caso de problema*", "si ~3 problema|problemas",
	},
	catContactUs: {
		"contact us", "get in touch", "let us know", "reach out", "message us", "write to us",
		"kontaktieren sie uns", "melden sie sich", "wenden sie sich ~2 an uns", "schreiben sie uns",
		"geben sie uns ~2 bescheid", "contactez-nous", "contactez nous", "écrivez-nous",
		"contattaci", "ci contatti", "scrivici", "contáctenos", "contáctanos", "escríbanos", "póngase en contacto",
		"reply here", "reply to this message", "just reply",
	},
	catGatingStrong: {
		"before ~2 leave|leaving|write|writing|post|posting|give|giving|submit|submitting ~3 review|reviews|feedback|rating",
		"instead of ~1 leaving|writing|posting|giving ~3 review|reviews|feedback|rating",
		"rather than ~1 leaving|writing|posting|giving ~3 review|reviews|feedback|rating",
		"contact us first", "contact us before", "reply here first", "message us first",
		"bevor sie ~5 bewertung*|*rezension|bewerten|feedback|verkäuferbewertung*",
		"statt|anstatt|anstelle ~3 bewertung*|*rezension|feedback",
		"kontaktieren sie uns ~1 bitte ~1 zuerst|vorher", "melden sie sich ~2 zuerst|vorher",
		"avant de ~4 avis|commentaire|évaluation|note", "au lieu de ~4 avis|commentaire|évaluation",
		"contactez-nous d'abord", "contactez nous d'abord",
		"prima di ~4 recensione|feedback|valutazione", "invece di ~4 recensione|feedback|valutazione",
		"contattaci prima", "antes de ~4 reseña|opinión|valoración|comentario|calificación",
		"en lugar de ~4 reseña|opinión|valoración", "contáctenos primero",
	},
	catReviewChange: {
		"@chg_en ~3 @prodrev", "take down ~3 @prodrev", "another look at ~3 @prodrev|@fb", "@prodrev ~4 @chg_en",
		"@prodrev ~1 can|could|may|might ~1 be ~1 changed|updated|removed|edited|deleted|revised",
		"@prodrev ~6 @chg_de", "@chg_de ~3 @prodrev", "@prodrev ~6 ergänz*|erweiter*|nachbessern", "@prodrev ~6 stehen ~1 bleibt|bleiben",
		"@chg_rom ~3 @prodrev", "mettre à jour ~3 @prodrev",
	},
	catFeedbackChange: {
		"@chg_en ~3 @fb", "take down ~3 @fb",
		"@fb ~1 can|could|may|might ~1 be ~1 changed|updated|removed|edited|deleted|revised",
		"@fb ~6 @chg_de", "@chg_de ~3 @fb", "@chg_rom ~3 @fb",
	},
	catPersuasion: {
		"leben ~3 von ~3 bewertungen|rezensionen|feedback|sternen", "gold wert", "worth its weight in gold", "worth gold", "angewiesen", "jede einzelne ~2 zählt", "zählt ~2 für uns", "wissen ~3 was wir meinen", "kleiner wink", "wink mit dem zaunpfahl", "you know what we mean", "hint hint", "just saying", "nudge nudge", "wink", "we live off|on|from ~2 reviews|ratings|feedback", "vous savez ce que", "sa cosa intendiamo", "ya sabe lo que",
		"lifeblood", "only takes a minute|moment|few seconds", "just takes a minute|moment", "won't take long", "would help us ~2 a lot|so much|greatly|enormously|immensely", "would really help", "would make our day|week", "would mean so much", "small businesses like ours|us", "independent ~1 seller|shop|business", "support ~2 small business|businesses|us", "nur eine minute", "dauert nur", "würde uns ~3 helfen", "wäre eine große hilfe", "unterstützen sie uns", "kleine händler|shops|unternehmen wie uns", "für uns ~2 sehr wichtig|überlebenswichtig|existenziell", "von großer bedeutung", "ne prend qu'une minute", "nous aiderait", "soutenir ~2 petite entreprise|petits commerçants", "très important pour nous", "richiede solo un minuto", "ci aiuterebbe", "sostenere ~2 piccole imprese", "molto importante per noi", "solo lleva un minuto", "nos ayudaría", "apoyar ~2 pequeños negocios", "muy importante para nosotros",
		"mean|means the|a|so world|lot|much", "small business", "small family business", "family business",
		"small company", "small shop|store|seller|brand", "helps us ~1 a lot|greatly|grow|so much|enormously", "help us grow", "help us out",
		"every review ~1 counts|matters|helps", "we rely|depend ~1 on ~2 review|reviews|feedback",
		"kleines ~1 unternehmen|familienunternehmen|familienbetrieb|team", "kleiner ~1 familienbetrieb|händler",
		"sind ~3 angewiesen", "hilft uns ~1 sehr|enorm|ungemein|wirklich|weiter", "würde uns ~2 sehr helfen",
		"jede bewertung ~1 zählt|hilft", "bedeutet uns ~2 viel|alles",
		"petite entreprise", "nous aide|aiderait ~1 vraiment|beaucoup|énormément", "compte beaucoup", "chaque avis ~1 compte", "compte énormément",
		"piccola azienda|impresa", "ci aiuta|aiuterebbe ~1 molto|tantissimo", "significa molto",
		"pequeña empresa", "nos ayuda|ayudaría ~1 mucho", "significa mucho",
	},
}
