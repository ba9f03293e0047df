package relay

import (
	"regexp"
	"strings"
)

// markerRe is Amazon's marker shape: a dash line, a few words, a dash line
// ("------------- Message: -------------", 13 or 14 dashes, one or two
// spaces, with or without colon, in any language). Text may follow on the
// same line where an HTML body was flattened.
var markerRe = regexp.MustCompile(`-{8,}[ \t\x{00a0}]*([^-\n]{1,60}?)[ \t\x{00a0}]*-{8,}`)

// endWords mark an end marker in the languages seen; a marker without one
// of these is a start marker (a new wording starts, the next one ends).
var endWords = []string{"end", "fine", "fin ", "fin du", "finalizar", "encerrar", "final", "zakończ", "ende", "einde", "slut", "終了"}

// isEndMarker reports whether a marker's words end the message.
func isEndMarker(words string) bool {
	w := strings.ToLower(strings.TrimSpace(words)) + " "
	if strings.Contains(w, "begin") || strings.HasPrefix(w, "début") {
		// "Begin message / Début du message" (Amazon.ca, 2016) starts one.
		return false
	}
	for _, e := range endWords {
		if strings.HasPrefix(w, e) || strings.Contains(w, " "+e) {
			return true
		}
	}
	return false
}

// footerRes start Amazon's footer: the survey question, the case link
// labels, the copyright line, the retention notice, the tokens.
var footerRes = regexp.MustCompile(`(?im)^[ \t]*(` +
	`was this e-?mail helpful|questa e-mail è stata utile|cet e-mail a-t-il été utile|este e-mail foi útil|¿te pareció|czy ten e-mail był pomocny|war diese e-mail hilfreich|` +
	`resolve case|risolvi caso|solucionar o caso|resolver caso|rozwiąż sprawę|fall lösen|résoudre|` +
	`report questionable activity|segnala attività sospetta|denunciar atividade|informar de actividad|zgłoś wątpliwą|verdächtige aktivität melden|signaler une activité|` +
	`copyright \d{4}|direitos autorais|derechos de autor|droits d'auteur|urheberrecht|` +
	`for your information|nota informativa|` +
	`-{20,}[ \t]*$|spc-[a-z]+amazon-\d+|\[commmgrtok:` +
	`)`)

// openingRes are the template's first lines and order block, which are
// Amazon's, not the buyer's.
var openingRes = regexp.MustCompile(`(?i)^(you have received a message\.?|hai ricevuto un messaggio\.?|vous avez reçu un message\.?|ha recibido un mensaje\.?|recibiste un mensaje\.?|você recebeu uma mensagem\.?|otrzymałeś wiadomość\.?|sie haben eine nachricht erhalten\.?|` +
	`#\s*\d{3}-\d{7}-\d{7}:?|order id(/commande n°)?:? ?\d{3}-\d{7}-\d{7}:?|.*\[asin: ?[a-z0-9]{10}\]|\d+ (of|sur|/|di|de|von) .*|\(objet: .*\))$`)

// quoteRes start the history a buyer's mail client quotes below the new words.
var quoteRes = regexp.MustCompile(`(?im)^[ \t]*(` +
	`on .{4,200} wrote:|am .{4,200} schrieb .{0,200}:|le .{4,200} a écrit ?:|em .{4,200} escreveu:|il .{4,200} ha scritto:|el .{4,200} escribió:|op .{4,200} schreef .{0,200}:|` +
	`-{2,} ?(original message|ursprüngliche nachricht|message d'origine|messaggio originale|mensaje original|mensagem original|originele bericht) ?-{2,}|` +
	`(mensaje|mensagem|message|messaggio) original[e]?:?|` +
	`_{20,}|from: .{1,200}(amazon|mailto:).*|von: .{1,200}(amazon|mailto:).*|de: .{1,200}(amazon|mailto:).*` +
	`)[ \t]*$`)

// orderRe is Amazon's order ID.
var orderRe = regexp.MustCompile(`\b\d{3}-\d{7}-\d{7}\b`)

// body is the wrapper cut apart: the buyer's text, and what was around it.
type body struct {
	text    string // the buyer's words, quotes removed
	quoted  string // the history they quoted
	wrapper string // Amazon's part before the text (order block)
	footer  string // Amazon's part after it
}

// extract finds the buyer's words in a relay mail's text. It matches the
// marker shape; without markers it uses pre (the HTML <pre> block), then
// cuts the known opening lines and footer. It never returns an empty text
// when the mail had words of its own.
func extract(text, pre string, hasPre bool) body {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var b body
	ms := markerRe.FindAllStringSubmatchIndex(text, -1)
	start, end := -1, -1
	for _, m := range ms {
		words := text[m[2]:m[3]]
		if !strings.ContainsFunc(words, isLetter) {
			continue
		}
		switch {
		case start < 0 && end < 0 && !isEndMarker(words):
			start = m[1]
			b.wrapper = text[:m[0]]
		case start >= 0 && end < 0:
			end = m[0]
		case start < 0 && end < 0:
			end = m[0]
		}
		if end >= 0 {
			b.footer = text[min(end+len(text[m[0]:m[1]]), len(text)):]
			break
		}
	}
	var core string
	switch {
	case start >= 0 && end >= 0:
		core = text[start:end]
	case start >= 0:
		core = cutFooter(text[start:])
	case end >= 0:
		core = dropOpening(text[:end])
	case hasPre:
		core = pre
	default:
		core = dropOpening(cutFooter(text))
	}
	b.text, b.quoted = cutQuotes(core)
	b.text = trimBlankRuns(b.text)
	if b.text == "" && b.quoted == "" && start < 0 && end < 0 && !hasPre {
		// Nothing recognisable: keep the whole text rather than lose it.
		b.text = trimBlankRuns(text)
	}
	return b
}

func isLetter(r rune) bool {
	return r > 0x7f || (r|0x20 >= 'a' && r|0x20 <= 'z')
}

// cutFooter cuts at the first footer line.
func cutFooter(s string) string {
	if loc := footerRes.FindStringIndex(s); loc != nil {
		return s[:loc[0]]
	}
	return s
}

// dropOpening removes Amazon's opening lines and order block from the top.
func dropOpening(s string) string {
	lines := strings.Split(strings.TrimLeft(s, "\n"), "\n")
	i := 0
	for i < len(lines) {
		l := strings.TrimSpace(lines[i])
		if l == "" || openingRes.MatchString(l) {
			i++
			continue
		}
		break
	}
	return strings.Join(lines[i:], "\n")
}

// cutQuotes splits the buyer's new words from the history their mail
// client quoted: at the first quote header, a nested Amazon marker, or
// the first run of "> " lines that goes on to the end.
func cutQuotes(s string) (text, quoted string) {
	cut := len(s)
	if loc := quoteRes.FindStringIndex(s); loc != nil {
		cut = loc[0]
	}
	if loc := markerRe.FindStringIndex(s); loc != nil && loc[0] < cut {
		cut = lineStart(s, loc[0])
	}
	text, quoted = s[:cut], s[cut:]
	var kept []string
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " \t"), ">") {
			quoted += "\n" + l
			continue
		}
		kept = append(kept, l)
	}
	return strings.Join(kept, "\n"), quoted
}

func lineStart(s string, i int) int {
	return strings.LastIndexByte(s[:i], '\n') + 1
}

// orderIDs lists the distinct order IDs in s, in order of appearance.
func orderIDs(s string) []string {
	var out []string
	for _, id := range orderRe.FindAllString(s, -1) {
		if !contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// tokenRes find Amazon's per-message token, the same in every delivery of
// one message: the m= of the case link, or the 2016 commMgrTok.
var tokenRes = []*regexp.Regexp{
	regexp.MustCompile(`no-response-needed[^\s"'<>]*?[?&](?:amp;)?m=([A-Za-z0-9._-]+)`),
	regexp.MustCompile(`no-response-needed\.html\?[^\s"'<>]*?msg=([A-Za-z0-9._-]+)`),
	regexp.MustCompile(`\[commMgrTok:([A-Za-z0-9._-]+)\]`),
}

// messageToken returns Amazon's message token from the texts, or "".
func messageToken(texts ...string) string {
	for _, re := range tokenRes {
		for _, t := range texts {
			if m := re.FindStringSubmatch(t); m != nil {
				return m[1]
			}
		}
	}
	return ""
}
