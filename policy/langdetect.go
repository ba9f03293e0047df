package policy

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Language detection for the BUYER_LANGUAGE rule: Amazon wants every message
// in the buyer's language of preference, so the checker compares the text's
// language with the buyer's locale. It runs on every keystroke, so it is a
// single pass over the text with one map lookup per word and no allocation.
// It scores function words (articles, pronouns, prepositions, greetings) and
// letters that only some languages use; it says "unknown" rather than guess
// when the evidence is thin or two languages score alike.

// Bit flags for the languages the detector knows; a word can belong to several.
const (
	ldDE uint16 = 1 << iota
	ldEN
	ldFR
	ldIT
	ldES
	ldNL
	ldPL
	ldSV
	ldTR
	ldPT
	ldCount = iota
)

// ldCodes are the ISO 639-1 codes, in bit order.
var ldCodes = [ldCount]string{"de", "en", "fr", "it", "es", "nl", "pl", "sv", "tr", "pt"}

const (
	// ldMinWords is how many known words a text needs before a language is named.
	ldMinWords = 4
	// ldMinMargin is how far (as a share of the top score) the best language
	// must lead the second one.
	ldMinMargin = 0.3
	// ldUnknownCap bounds the confidence reported with an unknown result.
	ldUnknownCap = 0.25
	// ldMaxWord is the longest word (in bytes) that is looked up: the longest
	// entry of ldWords. Longer words only contribute their letters, and are
	// not hashed.
	ldMaxWord = 19
	// ldMaxPlaceholder is how far a closing bracket is searched for, so a
	// stray "{" or "[" does not hide the rest of the text.
	ldMaxPlaceholder = 80
)

// ldWords maps a lower-case function word to the languages it is common in.
var ldWords = map[string]uint16{
	"a": ldEN | ldFR | ldIT | ldES | ldPT, "aan": ldNL, "abbiamo": ldIT, "aber": ldDE, "about": ldEN,
	"after": ldEN, "again": ldEN, "agli": ldIT, "ai": ldIT, "ainda": ldPT, "ainsi": ldFR,
	"al": ldIT | ldES | ldNL, "albo": ldPL, "ale": ldPL, "algum": ldPT, "alguma": ldPT, "alguna": ldES,
	"algún": ldES, "all": ldEN, "all'": ldIT, "alla": ldIT, "alle": ldDE | ldIT, "allen": ldDE,
	"alles": ldDE, "allo": ldIT, "alors": ldFR, "already": ldEN, "als": ldDE | ldNL, "also": ldEN,
	"although": ldEN, "alvast": ldNL, "am": ldDE, "ama": ldTR, "amanhã": ldPT, "an": ldDE | ldEN,
	"anche": ldIT, "ancora": ldIT, "and": ldEN, "antes": ldES | ldPT, "any": ldEN, "ao": ldPT,
	"aos": ldPT, "apologies": ldEN, "apologise": ldEN, "apologize": ldEN, "après": ldFR, "are": ldEN,
	"arrive": ldEN, "arrived": ldEN, "article": ldFR, "articolo": ldIT, "artigo": ldPT,
	"artikel": ldDE | ldNL, "artículo": ldES, "as": ldEN | ldPT, "assim": ldPT, "así": ldES, "at": ldEN,
	"atenciosamente": ldPT, "atentamente": ldES, "att": ldSV, "até": ldPT, "au": ldFR, "auch": ldDE,
	"auf": ldDE, "aujourd'hui": ldFR, "aus": ldDE, "aussi": ldFR, "aux": ldFR, "av": ldSV,
	"avant": ldFR, "avec": ldFR, "avere": ldIT, "avete": ldIT, "avez": ldFR, "avoir": ldFR,
	"avons": ldFR, "bald": ldDE, "bara": ldSV, "bardzo": ldPL, "be": ldEN, "because": ldEN,
	"bedankt": ldNL, "been": ldEN, "before": ldEN, "bei": ldDE, "being": ldEN, "ben": ldTR,
	"bereits": ldDE, "best": ldEN, "beste": ldNL, "bestelling": ldNL, "bestellung": ldDE,
	"beställning": ldSV, "between": ldEN, "bez": ldPL, "bien": ldFR, "bientôt": ldFR, "bij": ldNL,
	"binnenkort": ldNL, "bir": ldTR, "bis": ldDE, "bitte": ldDE, "biz": ldTR, "bize": ldTR,
	"bizi": ldTR, "bizim": ldTR, "blev": ldSV, "blir": ldSV, "bonjour": ldFR, "bonsoir": ldFR,
	"both": ldEN, "breve": ldPT, "bu": ldTR, "bugün": ldTR, "buongiorno": ldIT, "but": ldEN, "by": ldEN,
	"był": ldPL, "była": ldPL, "było": ldPL, "były": ldPL, "będzie": ldPL, "będą": ldPL, "c'": ldFR,
	"can": ldEN, "can't": ldEN, "car": ldFR, "ce": ldFR, "ceci": ldFR, "cela": ldFR, "ces": ldFR,
	"cet": ldFR, "cette": ldFR, "che": ldIT, "chez": ldFR, "chi": ldIT, "ci": ldIT, "co": ldPL,
	"colis": ldFR, "com": ldPT, "come": ldIT, "commande": ldFR, "comme": ldFR, "comment": ldFR,
	"como": ldES | ldPT, "con": ldIT | ldES, "consegna": ldIT, "cordialement": ldFR, "cordiales": ldES,
	"cordiali": ldIT, "could": ldEN, "couldn't": ldEN, "cual": ldES, "cuando": ldES, "cui": ldIT,
	"cumprimentos": ldPT, "customer": ldEN, "czy": ldPL, "d'": ldFR, "da": ldIT | ldTR | ldPT,
	"daar": ldNL, "dabei": ldDE, "dafür": ldDE, "dagli": ldIT, "daha": ldTR, "dai": ldIT, "dal": ldIT,
	"dall'": ldIT, "dalla": ldIT, "dalle": ldIT, "dallo": ldIT, "damit": ldDE, "dan": ldNL,
	"dank": ldDE | ldNL, "danke": ldDE, "dans": ldFR, "darf": ldDE, "darüber": ldDE, "das": ldDE | ldPT,
	"dass": ldDE, "dat": ldNL, "dazu": ldDE, "de": ldFR | ldES | ldNL | ldSV | ldTR | ldPT,
	"dear": ldEN, "degli": ldIT, "dei": ldIT, "del": ldIT | ldES, "delivery": ldEN, "dell'": ldIT,
	"della": ldIT, "delle": ldIT, "dello": ldIT, "dem": ldDE | ldSV, "demain": ldFR, "den": ldDE | ldSV,
	"denna": ldSV, "depois": ldPT, "depuis": ldFR, "der": ldDE, "deras": ldSV, "des": ldDE | ldFR,
	"desculpas": ldPT, "desde": ldES | ldPT, "desideriamo": ldIT, "después": ldES, "dessa": ldSV,
	"det": ldSV, "detta": ldSV, "deze": ldNL, "di": ldIT, "dia": ldPT, "dias": ldPT, "did": ldEN,
	"didn't": ldEN, "die": ldDE | ldNL, "diese": ldDE, "diesen": ldDE, "dieser": ldDE, "dieses": ldDE,
	"dileriz": ldTR, "din": ldSV, "dina": ldSV, "disculpas": ldES, "distinti": ldIT, "dit": ldNL,
	"ditt": ldSV, "dla": ldPL, "do": ldEN | ldPL | ldPT, "dobry": ldPL, "does": ldEN, "doesn't": ldEN,
	"domani": ldIT, "don't": ldEN, "donc": ldFR, "donde": ldES, "dont": ldFR, "door": ldNL,
	"dort": ldDE, "dos": ldPT, "dostawa": ldPL, "du": ldDE | ldFR | ldSV, "durante": ldES | ldPT,
	"durch": ldDE, "dus": ldNL, "dzień": ldPL, "dzisiaj": ldPL, "dziękujemy": ldPL, "dziękuję": ldPL,
	"där": ldSV, "déjà": ldFR, "désolé": ldFR, "désolée": ldFR, "désolés": ldFR, "día": ldES,
	"días": ldES, "dürfen": ldDE, "e": ldIT | ldPT, "each": ldEN, "ed": ldIT, "ederim": ldTR,
	"ederiz": ldTR, "een": ldNL, "efter": ldSV, "eftersom": ldSV, "ein": ldDE, "eine": ldDE,
	"einem": ldDE, "einen": ldDE, "einer": ldDE, "eines": ldDE, "el": ldES, "ela": ldPT, "elas": ldPT,
	"ele": ldPT, "eles": ldPT, "ella": ldES, "ellas": ldES, "elle": ldFR, "eller": ldSV, "elles": ldFR,
	"ellos": ldES, "em": ldPT, "en": ldFR | ldES | ldNL | ldSV | ldTR, "encomenda": ldPT,
	"encore": ldFR, "entre": ldFR | ldES | ldPT, "entrega": ldES | ldPT, "entschuldigung": ldDE,
	"envio": ldPT, "envío": ldES, "er": ldDE | ldSV, "era": ldIT | ldES | ldSV | ldPT, "eram": ldPT,
	"eran": ldES, "erano": ldIT, "erg": ldNL, "erhalten": ldDE, "ert": ldSV, "es": ldDE | ldES,
	"esa": ldES, "esas": ldES, "ese": ldES, "esos": ldES, "essa": ldPT, "essas": ldPT, "esse": ldPT,
	"essere": ldIT, "esses": ldPT, "est": ldFR, "esta": ldES | ldPT, "estamos": ldES | ldPT,
	"estar": ldES | ldPT, "estas": ldES | ldPT, "este": ldES | ldPT, "estes": ldPT, "estimada": ldES,
	"estimado": ldES, "estimados": ldES, "estos": ldES, "está": ldES | ldPT, "están": ldES,
	"estão": ldPT, "et": ldFR, "ett": ldSV, "etwas": ldDE, "eu": ldPT, "euch": ldDE, "even": ldNL,
	"excuses": ldFR | ldNL, "eğer": ldTR, "fakat": ldTR, "falls": ldDE, "fazer": ldPT, "few": ldEN,
	"foi": ldPT, "for": ldEN, "foram": ldPT, "fortfarande": ldSV, "fra": ldIT, "frau": ldDE,
	"freundlichen": ldDE, "from": ldEN, "från": ldSV, "får": ldSV, "för": ldSV, "före": ldSV,
	"für": ldDE, "geachte": ldNL, "geehrte": ldDE, "geehrter": ldDE, "geehrtes": ldDE, "geen": ldNL,
	"gegen": ldDE, "geliefert": ldDE, "genom": ldSV, "gentile": ldIT, "gentili": ldIT, "gern": ldDE,
	"gerne": ldDE, "get": ldEN, "gibi": ldTR, "già": ldIT, "glad": ldEN, "gli": ldIT,
	"gostaríamos": ldPT, "got": ldEN, "graag": ldNL, "gracias": ldES, "grazie": ldIT, "groet": ldNL,
	"groeten": ldNL, "gruß": ldDE, "grüße": ldDE, "gustaría": ldES, "göre": ldTR, "günler": ldTR,
	"ha": ldIT | ldES, "haar": ldNL, "habe": ldDE, "haben": ldDE, "había": ldES, "habían": ldES,
	"hacer": ldES, "had": ldEN | ldNL, "hadden": ldNL, "hade": ldSV, "hai": ldIT, "hallo": ldDE,
	"han": ldES | ldSV, "hanno": ldIT, "hans": ldSV, "happy": ldEN, "har": ldSV, "hartelijk": ldNL,
	"has": ldEN, "hasta": ldES, "hat": ldDE, "hatte": ldDE, "hatten": ldDE, "have": ldEN,
	"haven't": ldEN, "hay": ldES, "he": ldEN | ldES, "heb": ldNL, "hebben": ldNL, "hebt": ldNL,
	"heeft": ldNL, "heel": ldNL, "hej": ldSV, "helaas": ldNL, "hello": ldEN, "hem": ldTR, "hemen": ldTR,
	"hemos": ldES, "hen": ldNL, "hennes": ldSV, "her": ldEN | ldTR, "here": ldEN, "herr": ldDE,
	"het": ldNL, "heute": ldDE, "hi": ldEN, "hier": ldDE | ldNL, "hij": ldNL, "him": ldEN, "his": ldEN,
	"hiç": ldTR, "ho": ldIT, "hoe": ldNL, "hoje": ldPT, "hola": ldES, "hon": ldSV, "hope": ldEN,
	"hos": ldSV, "how": ldEN, "hoy": ldES, "hun": ldNL, "hur": ldSV, "hälsningar": ldSV, "här": ldSV,
	"i": ldEN | ldIT | ldPL | ldSV, "i'll": ldEN, "i'm": ldEN, "ich": ldDE | ldPL, "idag": ldSV,
	"if": ldEN, "ihnen": ldDE, "ihr": ldDE, "ihre": ldDE, "ihrem": ldDE, "ihren": ldDE, "ihrer": ldDE,
	"ihres": ldDE, "ik": ldNL, "il": ldFR | ldIT, "ile": ldTR, "ils": ldFR, "im": ldDE, "imorgon": ldSV,
	"in": ldDE | ldEN | ldIT | ldNL, "infelizmente": ldPT, "ins": ldDE, "inte": ldSV, "into": ldEN,
	"io": ldIT, "is": ldEN | ldNL, "ise": ldTR, "isn't": ldEN, "isso": ldPT, "ist": ldDE, "isto": ldPT,
	"it": ldEN, "it's": ldEN, "item": ldEN, "its": ldEN, "iyi": ldTR, "için": ldTR, "j'": ldFR,
	"ja": ldDE | ldNL | ldPL | ldSV, "jag": ldSV, "jak": ldPL, "jamais": ldFR, "je": ldFR | ldNL,
	"jednak": ldPL, "jedoch": ldDE, "jego": ldPL, "jej": ldPL, "jest": ldPL, "jesteśmy": ldPL,
	"jeszcze": ldPL, "jetzt": ldDE, "jeśli": ldPL, "jij": ldNL, "jouw": ldNL, "just": ldEN,
	"jutro": ldPL, "już": ldPL, "já": ldPT, "kadar": ldTR, "kan": ldNL | ldSV, "kann": ldDE,
	"kargo": ldTR, "kargoya": ldTR, "kein": ldDE, "keine": ldDE, "keinen": ldDE, "ki": ldTR,
	"kind": ldEN, "know": ldEN, "kon": ldNL, "konden": ldNL, "która": ldPL, "które": ldPL,
	"którego": ldPL, "który": ldPL, "kunde": ldSV, "kunnen": ldNL, "kunt": ldNL, "können": ldDE,
	"könnten": ldDE, "l'": ldFR | ldIT, "la": ldFR | ldIT | ldES, "lamentablemente": ldES,
	"lamentamos": ldES | ldPT, "las": ldES, "le": ldFR | ldIT | ldES, "lei": ldIT, "leider": ldDE,
	"les": ldFR | ldES, "let": ldEN, "let's": ldEN, "leur": ldFR, "leurs": ldFR, "leverans": ldSV,
	"levering": ldNL, "lhe": ldPT, "lhes": ldPT, "liebe": ldDE, "lieber": ldDE, "lieferung": ldDE,
	"livraison": ldFR, "lo": ldIT | ldES, "loro": ldIT, "los": ldES, "lub": ldPL, "lui": ldFR | ldIT,
	"lütfen": ldTR, "ma": ldFR | ldIT, "maalesef": ldTR, "maar": ldNL, "madame": ldFR, "mag": ldNL,
	"mai": ldIT, "mais": ldFR | ldPT, "malheureusement": ldFR, "mamy": ldPL, "mas": ldPT, "may": ldEN,
	"mañana": ldES, "me": ldEN | ldFR | ldES | ldPT, "med": ldSV, "mehr": ldDE, "men": ldSV,
	"menos": ldES | ldPT, "merci": ldFR, "merhaba": ldTR, "mes": ldFR, "mesma": ldPT, "mesmo": ldPT,
	"met": ldNL, "meu": ldPT, "meus": ldPT, "mfg": ldDE, "mi": ldIT | ldES | ldTR, "mia": ldIT,
	"mie": ldIT, "miei": ldIT, "might": ldEN, "mijn": ldNL, "min": ldSV, "mina": ldSV, "minha": ldPT,
	"minhas": ldPT, "mio": ldIT, "mis": ldES, "misma": ldES, "mismo": ldES, "mit": ldDE, "mitt": ldSV,
	"mnie": ldPL, "moet": ldNL, "moeten": ldNL, "mogen": ldNL, "molto": ldIT, "mon": ldFR,
	"monsieur": ldFR, "more": ldEN, "morgen": ldDE | ldNL, "most": ldEN, "może": ldPL, "możemy": ldPL,
	"mu": ldTR, "muito": ldPT, "muss": ldDE, "must": ldEN, "muy": ldES, "mvh": ldSV, "my": ldEN | ldPL,
	"mycket": ldSV, "más": ldES, "måste": ldSV, "möchte": ldDE, "möchten": ldDE, "mü": ldTR,
	"müssen": ldDE, "mı": ldTR, "n'": ldFR, "na": ldNL | ldPL | ldPT, "naar": ldNL, "nach": ldDE,
	"nad": ldPL, "nam": ldPL, "nas": ldPT, "nasz": ldPL, "nasza": ldPL, "nasze": ldPL, "naszego": ldPL,
	"naszej": ldPL, "natürlich": ldDE, "ne": ldFR | ldTR, "nee": ldNL, "negli": ldIT, "nei": ldIT,
	"nein": ldDE, "nej": ldSV, "nel": ldIT, "nell'": ldIT, "nella": ldIT, "nelle": ldIT, "nello": ldIT,
	"nenhum": ldPT, "nenhuma": ldPT, "neue": ldDE, "neuen": ldDE, "ni": ldSV, "nicht": ldDE,
	"nichts": ldDE, "nie": ldPL, "niestety": ldPL, "niet": ldNL, "ninguna": ldES, "ningún": ldES,
	"no": ldEN | ldES | ldPT, "noch": ldDE, "nog": ldNL, "noi": ldIT, "non": ldIT,
	"nos": ldFR | ldES | ldPT, "nosotras": ldES, "nosotros": ldES, "nossa": ldPT, "nossas": ldPT,
	"nosso": ldPT, "nossos": ldPT, "nostra": ldIT, "nostre": ldIT, "nostri": ldIT, "nostro": ldIT,
	"not": ldEN, "notre": ldFR, "nous": ldFR, "nu": ldNL, "nuestra": ldES, "nuestras": ldES,
	"nuestro": ldES, "nuestros": ldES, "num": ldPT, "numa": ldPT, "nunca": ldES | ldPT, "nur": ldDE,
	"não": ldPT, "när": ldSV, "nós": ldPT, "o": ldIT | ldES | ldPL | ldTR | ldPT, "ob": ldDE,
	"obrigada": ldPT, "obrigado": ldPT, "och": ldSV, "också": ldSV, "od": ldPL, "oder": ldDE,
	"of": ldEN | ldNL, "oggi": ldIT, "ohne": ldDE, "olan": ldTR, "olarak": ldTR, "olá": ldPT,
	"om": ldNL | ldSV, "omdat": ldNL, "on": ldEN | ldFR | ldPL, "ona": ldPL, "once": ldEN, "onde": ldPT,
	"onder": ldNL, "oni": ldPL, "onlar": ldTR, "only": ldEN, "ons": ldNL, "ont": ldFR, "onze": ldNL,
	"ook": ldNL, "op": ldNL, "or": ldEN, "oraz": ldPL, "order": ldEN, "ordine": ldIT, "os": ldES | ldPT,
	"oss": ldSV, "other": ldEN, "otra": ldES, "otras": ldES, "otro": ldES, "otros": ldES,
	"ou": ldFR | ldPT, "our": ldEN, "out": ldEN, "outra": ldPT, "outras": ldPT, "outro": ldPT,
	"outros": ldPT, "over": ldEN | ldNL, "own": ldEN, "où": ldFR, "pacco": ldIT, "package": ldEN,
	"pacote": ldPT, "paczka": ldPL, "paket": ldDE | ldSV | ldTR, "pakket": ldNL, "pan": ldPL,
	"pana": ldPL, "pani": ldPL, "paquete": ldES, "par": ldFR, "para": ldES | ldPT, "parcel": ldEN,
	"pas": ldFR, "państwa": ldPL, "państwo": ldPL, "pedido": ldES | ldPT, "pela": ldPT, "pelas": ldPT,
	"pelo": ldPT, "pelos": ldPT, "pendant": ldFR, "per": ldIT, "perché": ldIT, "pero": ldES,
	"più": ldIT, "please": ldEN, "plus": ldFR, "po": ldPL, "poco": ldIT, "pod": ldPL, "pode": ldPT,
	"podem": ldPT, "podemos": ldES | ldPT, "poderia": ldPT, "podría": ldES, "por": ldES | ldPT,
	"porque": ldES | ldPT, "possiamo": ldIT, "potete": ldIT, "potrebbe": ldIT, "pour": ldFR,
	"pourquoi": ldFR, "pourriez": ldFR, "pouvez": ldFR, "pozdrawiamy": ldPL, "pozdrowienia": ldPL,
	"presto": ldIT, "prezada": ldPT, "prezado": ldPT, "prodotto": ldIT, "product": ldNL,
	"producto": ldES, "produit": ldFR, "produkt": ldPL | ldSV, "produto": ldPT, "pronto": ldES,
	"prosimy": ldPL, "proszę": ldPL, "przepraszamy": ldPL, "przesyłka": ldPL, "przesyłki": ldPL,
	"przez": ldPL, "przy": ldPL, "puede": ldES, "pueden": ldES, "puis": ldFR, "purtroppo": ldIT,
	"può": ldIT, "på": ldSV, "qu'": ldFR, "qual": ldPT, "quand": ldFR, "quando": ldIT | ldPT,
	"que": ldFR | ldES | ldPT, "quella": ldIT, "quelle": ldIT, "quelli": ldIT, "quello": ldIT,
	"quem": ldPT, "questa": ldIT, "queste": ldIT, "questi": ldIT, "questo": ldIT, "qui": ldFR,
	"quien": ldES, "quisiéramos": ldES, "quoi": ldFR, "rapidement": ldFR, "redan": ldSV,
	"regards": ldEN, "remercions": ldFR, "reçu": ldFR, "riceverà": ldIT, "ricevuto": ldIT,
	"ringraziamo": ldIT, "rückmeldung": ldDE, "s'": ldFR, "sa": ldFR, "saludos": ldES,
	"salutations": ldFR, "saluti": ldIT, "salve": ldIT, "same": ldEN, "sans": ldFR, "saranno": ldIT,
	"sarà": ldIT, "saygılarımızla": ldTR, "sayın": ldTR, "schicken": ldDE, "schon": ldDE, "scuse": ldIT,
	"se": ldFR | ldIT | ldES | ldPT, "sehr": ldDE, "sein": ldDE, "seine": ldDE,
	"selbstverständlich": ldDE, "sem": ldPT, "sempre": ldIT | ldPT, "sen": ldTR, "senden": ldDE,
	"sendung": ldDE, "senhor": ldPT, "senhora": ldPT, "sentimos": ldES, "ser": ldES | ldPT,
	"sera": ldFR, "seront": ldFR, "será": ldES | ldPT, "serán": ldES, "serão": ldPT, "ses": ldFR,
	"seu": ldPT, "seus": ldPT, "señor": ldES, "señora": ldES, "shall": ldEN, "she": ldEN,
	"shipped": ldEN, "shipping": ldEN, "should": ldEN, "si": ldFR | ldIT | ldES, "sido": ldES,
	"sie": ldDE, "siempre": ldES, "sim": ldPT, "sin": ldES, "since": ldEN, "sincerely": ldEN,
	"sincères": ldFR, "sind": ldDE, "sipariş": ldTR, "siparişiniz": ldTR, "siparişinizi": ldTR,
	"siparişinizin": ldTR, "siz": ldTR, "size": ldTR, "sizi": ldTR, "sizin": ldTR, "się": ldPL,
	"ska": ldSV, "skulle": ldSV, "snart": ldSV, "snel": ldNL, "so": ldEN, "sobald": ldDE, "sobie": ldPL,
	"sobre": ldES | ldPT, "sodass": ldDE, "soll": ldDE, "sollte": ldDE, "sollten": ldDE, "som": ldSV,
	"some": ldEN, "son": ldFR | ldES, "sono": ldIT, "sonra": ldTR, "sont": ldFR, "soon": ldEN,
	"sorry": ldEN, "souhaiteriez": ldFR, "souhaitez": ldFR, "sous": ldFR, "sowie": ldDE,
	"spedito": ldIT, "spedizione": ldIT, "stata": ldIT, "stati": ldIT, "stato": ldIT, "still": ldEN,
	"su": ldIT | ldES, "sua": ldIT | ldPT, "suas": ldPT, "subito": ldIT, "such": ldEN, "sue": ldIT,
	"sugli": ldIT, "sui": ldIT, "sul": ldIT, "sull'": ldIT, "sulla": ldIT, "sulle": ldIT, "sullo": ldIT,
	"suo": ldIT, "suoi": ldIT, "sur": ldFR, "sus": ldES, "szybko": ldPL, "são": ldPT, "så": ldSV,
	"sí": ldES, "są": ldPL, "ta": ldFR | ldPL, "tack": ldSV, "tak": ldPL, "także": ldPL,
	"también": ldES, "também": ldPT, "te": ldFR | ldES | ldNL | ldPL | ldPT, "team": ldEN, "tego": ldPL,
	"tej": ldPL, "tem": ldPT, "temos": ldPT, "ten": ldPL, "tenemos": ldES, "tengo": ldES, "tes": ldFR,
	"teslimat": ldTR, "teşekkür": ldTR, "teşekkürler": ldTR, "też": ldPL, "than": ldEN, "thank": ldEN,
	"thanking": ldEN, "thanks": ldEN, "that": ldEN, "that's": ldEN, "the": ldEN, "their": ldEN,
	"them": ldEN, "then": ldEN, "there": ldEN, "there's": ldEN, "these": ldEN, "they": ldEN,
	"this": ldEN, "those": ldEN, "though": ldEN, "through": ldEN, "ti": ldIT, "tiene": ldES,
	"till": ldSV, "to": ldEN | ldPL, "toch": ldNL, "todavía": ldES, "today": ldEN, "tomorrow": ldEN,
	"ton": ldFR, "too": ldEN, "tot": ldNL, "toujours": ldFR, "tous": ldFR, "tout": ldFR, "toute": ldFR,
	"toutes": ldFR, "tra": ldIT, "trust": ldEN, "très": ldFR, "tu": ldFR | ldIT | ldES | ldPT,
	"tus": ldES, "ty": ldPL, "tych": ldPL, "tylko": ldPL, "tym": ldPL, "tyvärr": ldSV, "têm": ldPT,
	"tú": ldES, "u": ldNL, "uit": ldNL, "um": ldDE | ldPT, "uma": ldPT, "umas": ldPT,
	"un": ldFR | ldIT | ldES, "un'": ldIT, "una": ldIT | ldES, "unas": ldES, "und": ldDE,
	"under": ldEN | ldSV, "une": ldFR, "unfortunately": ldEN, "uno": ldIT, "unos": ldES,
	"uns": ldDE | ldPT, "unser": ldDE, "unsere": ldDE, "unserem": ldDE, "unseren": ldDE,
	"unserer": ldDE, "unter": ldDE, "up": ldEN, "ursäkta": ldSV, "us": ldEN, "usted": ldES,
	"ustedes": ldES, "utan": ldSV, "uw": ldNL, "vad": ldSV, "van": ldNL, "vandaag": ldNL,
	"var": ldSV | ldTR, "varan": ldSV, "varför": ldSV, "ve": ldTR, "veel": ldNL, "vem": ldSV,
	"vers": ldFR, "versandt": ldDE, "very": ldEN, "verzonden": ldNL, "veuillez": ldFR, "veya": ldTR,
	"vi": ldIT | ldSV, "viele": ldDE, "vielen": ldDE, "vill": ldSV, "você": ldPT, "vocês": ldPT,
	"voi": ldIT, "von": ldDE, "voor": ldNL, "vor": ldDE, "vorremmo": ldIT, "vos": ldFR, "vostra": ldIT,
	"vostre": ldIT, "vostri": ldIT, "vostro": ldIT, "votre": ldFR, "vous": ldFR, "vriendelijke": ldNL,
	"vänliga": ldSV, "vår": ldSV, "våra": ldSV, "vårt": ldSV, "vós": ldPT, "w": ldPL, "waar": ldNL,
	"waarom": ldNL, "wam": ldPL, "wanneer": ldNL, "want": ldNL, "war": ldDE, "ware": ldDE,
	"waren": ldDE | ldNL, "was": ldEN | ldNL | ldPL, "wasn't": ldEN, "wat": ldNL,
	"we": ldEN | ldNL | ldPL, "we'll": ldEN, "we're": ldEN, "we've": ldEN, "weil": ldDE, "wel": ldNL,
	"wenn": ldDE, "werd": ldNL, "werden": ldDE | ldNL, "were": ldEN, "what": ldEN, "when": ldEN,
	"where": ldEN, "which": ldEN, "while": ldEN, "who": ldEN, "whom": ldEN, "why": ldEN,
	"wie": ldDE | ldNL, "wieder": ldDE, "wij": ldNL, "wil": ldNL, "will": ldDE | ldEN, "willen": ldNL,
	"wir": ldDE, "wird": ldDE, "wishes": ldEN, "witam": ldPL, "with": ldEN, "within": ldEN,
	"without": ldEN, "wkrótce": ldPL, "wollen": ldDE, "won't": ldEN, "worden": ldNL, "wordt": ldNL,
	"would": ldEN, "wouldn't": ldEN, "wurde": ldDE, "wurden": ldDE, "wy": ldPL, "würde": ldDE,
	"würden": ldDE, "y": ldES, "ya": ldES | ldTR, "yarın": ldTR, "yes": ldEN, "yo": ldES, "yok": ldTR,
	"you": ldEN, "you're": ldEN, "your": ldEN, "z": ldPL, "za": ldPL, "zal": ldNL, "zamówienia": ldPL,
	"zamówienie": ldPL, "ze": ldNL | ldPL, "zeer": ldNL, "zij": ldNL, "zijn": ldNL, "zo": ldNL,
	"zou": ldNL, "zouden": ldNL, "zu": ldDE, "zugestellt": ldDE, "zullen": ldNL, "zum": ldDE,
	"zur": ldDE, "à": ldFR | ldPT, "às": ldPT, "är": ldSV, "ça": ldFR, "çok": ldTR, "çünkü": ldTR,
	"è": ldIT, "é": ldPT, "él": ldES, "étaient": ldFR, "était": ldFR, "été": ldFR, "être": ldFR,
	"önce": ldTR, "över": ldSV, "özür": ldTR, "über": ldDE, "ürün": ldTR, "ürünü": ldTR, "ürünün": ldTR,
	"şu": ldTR, "że": ldPL,
}

// ldScores holds one score per language, in bit order.
type ldScores [ldCount]float64

// DetectLanguage names the language text is written in, ignoring URLs,
// e-mail addresses, numbers, order IDs and placeholders such as
// {{order_id}}, [Name], ${store} or {product}. It knows de, en, fr, it, es,
// nl, pl, sv, tr and pt. When the text is too short or two languages score
// alike it returns Code "" with a confidence of at most 0.25; otherwise the
// confidence grows with the lead of the best language and the number of
// words seen, and stays below 1.
func DetectLanguage(text string) Language {
	var sc ldScores
	known := 0
	for i := 0; i < len(text); {
		c := text[i]
		if ldIsSpace(c) {
			i++
			continue
		}
		if end, ok := ldPlaceholderEnd(text, i); ok {
			i = end
			continue
		}
		if c == '{' || c == '[' || c == '<' || c == '$' {
			i++
			continue
		}
		end := i + 1
		for end < len(text) && !ldIsSpace(text[end]) && !ldOpensPlaceholder(text[end]) {
			end++
		}
		chunk := text[i:end]
		i = end
		if ldSkipChunk(chunk) {
			continue
		}
		known += sc.addChunk(chunk)
	}
	return sc.result(known)
}

// result turns the scores into a Language.
func (sc *ldScores) result(known int) Language {
	top, second := -1, -1
	for l := range sc {
		switch {
		case top < 0 || sc[l] > sc[top]:
			top, second = l, top
		case second < 0 || sc[l] > sc[second]:
			second = l
		}
	}
	if sc[top] <= 0 {
		return Language{}
	}
	margin := (sc[top] - sc[second]) / sc[top]
	evidence := float64(known) / float64(known+2)
	conf := margin * evidence
	if known < ldMinWords || margin < ldMinMargin {
		return Language{Confidence: min(conf, ldUnknownCap)}
	}
	return Language{Code: ldCodes[top], Confidence: conf}
}

// ldIsSpace reports ASCII white space; other separators end words inside a chunk.
func ldIsSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// ldOpensPlaceholder reports bytes that may start a placeholder or a tag.
func ldOpensPlaceholder(c byte) bool {
	return c == '{' || c == '[' || c == '<' || c == '$'
}

// ldPlaceholderEnd returns the index just past a placeholder or HTML tag
// starting at text[i]: {{x}}, {x}, ${x}, [x] or <x>.
func ldPlaceholderEnd(text string, i int) (int, bool) {
	if text[i] == '$' {
		if i+1 >= len(text) || text[i+1] != '{' {
			return 0, false
		}
		i++
	}
	var closer byte
	switch text[i] {
	case '{':
		closer = '}'
	case '[':
		closer = ']'
	case '<':
		closer = '>'
	default:
		return 0, false
	}
	limit := min(len(text), i+1+ldMaxPlaceholder)
	j := strings.IndexByte(text[i+1:limit], closer)
	if j < 0 {
		return 0, false
	}
	end := i + 1 + j + 1
	for end < len(text) && text[end] == closer {
		end++
	}
	return end, true
}

// ldSkipChunk reports white-space separated chunks that carry no language:
// URLs, domains, e-mail addresses, handles, and anything with a digit
// (order IDs, tracking numbers, prices, dates).
func ldSkipChunk(chunk string) bool {
	prevLetter := false
	for k := 0; k < len(chunk); k++ {
		c := chunk[k]
		switch {
		case c >= '0' && c <= '9', c == '@':
			return true
		case c == '/' && k+1 < len(chunk) && chunk[k+1] == '/':
			return true
		case c == '.' && prevLetter && k+1 < len(chunk) && ldIsASCIILetter(chunk[k+1]):
			// "www.shop", "example.com", "shop.de/x"
			return true
		}
		prevLetter = ldIsASCIILetter(c)
	}
	return false
}

// ldIsASCIILetter reports a-z and A-Z.
func ldIsASCIILetter(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z'
}

// addChunk scores the words and letters of one chunk and returns how many
// known function words it contained.
func (sc *ldScores) addChunk(chunk string) int {
	var buf [ldMaxWord]byte
	n, apos, known := 0, -1, 0
	long := false
	flush := func() {
		if n > 0 && !long {
			known += sc.addWord(buf[:n], apos)
		}
		n, apos, long = 0, -1, false
	}
	for k, r := range chunk {
		if r == '\'' || r == '\u2019' {
			// An apostrophe joins letters: "l'ordine", "don't".
			if n > 0 && k+utf8.RuneLen(r) < len(chunk) {
				next, _ := utf8.DecodeRuneInString(chunk[k+utf8.RuneLen(r):])
				if unicode.IsLetter(next) && apos < 0 && n < ldMaxWord {
					apos = n
					buf[n] = '\''
					n++
					continue
				}
			}
			flush()
			continue
		}
		if !unicode.IsLetter(r) {
			flush()
			continue
		}
		if r < utf8.RuneSelf {
			if n < ldMaxWord {
				buf[n] = byte(r) | 0x20
				n++
			} else {
				long = true
			}
			continue
		}
		r = unicode.ToLower(r)
		sc.addLetter(r)
		if n+utf8.RuneLen(r) <= ldMaxWord {
			n += utf8.EncodeRune(buf[n:], r)
		} else {
			long = true
		}
	}
	flush()
	return known
}

// addWord scores one lower-case word; a word with an apostrophe that is not
// known as a whole ("l'ordine") is scored as its two parts ("l'", "ordine").
func (sc *ldScores) addWord(w []byte, apos int) int {
	if sc.addKnown(w) {
		return 1
	}
	if apos < 0 {
		return 0
	}
	known := 0
	if sc.addKnown(w[:apos+1]) {
		known++
	}
	if sc.addKnown(w[apos+1:]) {
		known++
	}
	return known
}

// addKnown adds a word's weight, shared evenly among its languages.
func (sc *ldScores) addKnown(w []byte) bool {
	mask, ok := ldWords[string(w)]
	if !ok {
		return false
	}
	share := 1 / float64(bits.OnesCount16(mask))
	for l := range sc {
		if mask&(1<<l) != 0 {
			sc[l] += share
		}
	}
	return true
}

// addLetter adds the weight of a letter only some of the languages use.
func (sc *ldScores) addLetter(r rune) {
	const strong, medium, weak = 0.5, 0.25, 0.1
	switch r {
	case 'ß':
		sc.add(ldDE, strong)
	case 'ä':
		sc.add(ldDE|ldSV, medium)
	case 'ö':
		sc.add(ldDE|ldSV|ldTR, weak)
	case 'ü':
		sc.add(ldDE|ldTR, medium)
	case 'å':
		sc.add(ldSV, strong)
	case 'ğ', 'ı', 'ş':
		sc.add(ldTR, strong)
	case 'ç':
		sc.add(ldFR|ldPT|ldTR, weak)
	case 'ł', 'ą', 'ę', 'ś', 'ż', 'ź', 'ć', 'ń':
		sc.add(ldPL, strong)
	case 'ñ', '¿', '¡':
		sc.add(ldES, strong)
	case 'ã', 'õ':
		sc.add(ldPT, strong)
	case 'œ', 'î', 'û', 'ë', 'ï':
		sc.add(ldFR, medium)
	case 'ê', 'â', 'ô':
		sc.add(ldFR|ldPT, weak)
	case 'è':
		sc.add(ldFR|ldIT, medium)
	case 'à':
		sc.add(ldFR|ldIT|ldPT, weak)
	case 'ì', 'ò':
		sc.add(ldIT, strong)
	case 'ù':
		sc.add(ldIT|ldFR, medium)
	case 'é':
		sc.add(ldFR|ldES|ldPT|ldIT, weak)
	case 'á', 'í', 'ú':
		sc.add(ldES|ldPT, medium)
	case 'ó':
		sc.add(ldES|ldPT|ldPL, weak)
	}
}

// add gives weight to every language in mask.
func (sc *ldScores) add(mask uint16, weight float64) {
	for l := range sc {
		if mask&(1<<l) != 0 {
			sc[l] += weight
		}
	}
}
