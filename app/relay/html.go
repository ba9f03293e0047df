package relay

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlDoc is an HTML body read once: its text as a reader sees it, the
// text of its first <pre> (where Amazon puts the buyer's words), and its
// links (some footer links exist only as href).
type htmlDoc struct {
	text, pre string
	hasPre    bool
	hrefs     []string
}

// blockAtoms end a line when they open or close.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Tr: true, atom.Table: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true,
	atom.Pre: true, atom.Hr: true, atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Center: true, atom.Td: false,
}

// skipAtoms are never text.
var skipAtoms = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Head: true, atom.Title: true, atom.Noscript: true}

// readHTML turns HTML into text: blocks and <br> end lines, scripts,
// styles and hidden pre-headers (display:none) are dropped, entities are
// decoded.
func readHTML(src string) htmlDoc {
	r := htmlReader{}
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			r.d.text = normalizeHTMLText(r.b.String())
			r.d.pre = strings.Trim(r.pre.String(), "\n")
			return r.d
		case html.TextToken:
			r.onText(string(z.Text()))
		case html.StartTagToken, html.SelfClosingTagToken:
			r.onStart(z.Token(), tt == html.StartTagToken)
		case html.EndTagToken:
			r.onEnd(z.Token().DataAtom)
		}
	}
}

// htmlReader is readHTML's state between tokens.
type htmlReader struct {
	d      htmlDoc
	b, pre strings.Builder
	// hidden is the stack of open elements whose content is not shown.
	hidden  []atom.Atom
	inPre   int
	preDone bool
}

// write adds s to the text, and to the first <pre>'s text inside it.
func (r *htmlReader) write(s string) {
	r.b.WriteString(s)
	if r.inPre > 0 && !r.preDone {
		r.pre.WriteString(s)
	}
}

func (r *htmlReader) onText(t string) {
	switch {
	case len(r.hidden) > 0:
	case r.inPre > 0:
		r.write(t)
	default:
		r.b.WriteString(collapseSpace(t))
	}
}

func (r *htmlReader) onStart(tok html.Token, open bool) {
	a := tok.DataAtom
	opens := open && !voidAtom(a)
	if len(r.hidden) > 0 || skipAtoms[a] || (opens && hiddenStyle(tok)) {
		if opens {
			r.hidden = append(r.hidden, a)
		}
		return
	}
	switch {
	case a == atom.Br:
		r.write("\n")
	case a == atom.A:
		for _, at := range tok.Attr {
			if at.Key == "href" {
				r.d.hrefs = append(r.d.hrefs, at.Val)
			}
		}
	case a == atom.Pre && open:
		r.inPre++
		if !r.preDone {
			r.d.hasPre = true
		}
		r.b.WriteString("\n")
	case a == atom.Td || a == atom.Th:
		r.b.WriteString(" ")
	case blockAtoms[a]:
		r.b.WriteString("\n")
	}
}

func (r *htmlReader) onEnd(a atom.Atom) {
	if len(r.hidden) > 0 {
		r.hidden = r.hidden[:len(r.hidden)-1]
		return
	}
	if a == atom.Pre && r.inPre > 0 {
		r.inPre--
		if r.inPre == 0 {
			r.preDone = true
		}
	}
	if blockAtoms[a] {
		r.b.WriteString("\n")
	}
}

func voidAtom(a atom.Atom) bool {
	switch a {
	case atom.Br, atom.Img, atom.Hr, atom.Meta, atom.Link, atom.Input, atom.Col, atom.Area, atom.Base, atom.Wbr, atom.Source:
		return true
	}
	return false
}

// hiddenStyle reports an element styled display:none, such as the
// pre-header that repeats the subject.
func hiddenStyle(t html.Token) bool {
	for _, a := range t.Attr {
		if a.Key == "style" {
			s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(s, "display:none") {
				return true
			}
		}
		if a.Key == "hidden" {
			return true
		}
	}
	return false
}

// collapseSpace makes runs of white space outside <pre> one space, as a
// browser shows them.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// normalizeHTMLText trims the lines and drops runs of blank lines.
func normalizeHTMLText(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " "))
	}
	return trimBlankRuns(strings.Join(lines, "\n"))
}
