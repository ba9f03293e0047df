package templates

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	tmpldata "sellermail/assets/templates"
	"sellermail/policy"
)

// dataFiles is where the built-in templates come from.
var dataFiles fs.FS = tmpldata.Files

// record is one template as stored in <lang>.json.
type record struct {
	ID          string            `json:"id"`
	Kind        string            `json:"kind"`
	Title       string            `json:"title"`
	Description string            `json:"description"`
	Body        string            `json:"body"`
	Examples    map[string]string `json:"examples"`
}

// maxFileSize bounds a data file; the real ones are a few tens of kilobytes.
const maxFileSize = 1 << 20

// load reads and validates every <lang>.json in fsys. Errors name the file
// and, where there is one, the template id.
func load(fsys fs.FS) ([]Template, error) {
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return nil, fmt.Errorf("templates: listing data files: %w", err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("templates: no template files found")
	}
	sort.Strings(names)
	var out []Template
	seen := map[string]bool{}
	for _, name := range names {
		ts, err := loadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		for _, t := range ts {
			key := t.Lang + "/" + t.ID
			if seen[key] {
				return nil, fmt.Errorf("templates: %s: id %q: duplicate id in language %q", name, t.ID, t.Lang)
			}
			seen[key] = true
		}
		out = append(out, ts...)
	}
	return out, nil
}

// loadFile reads one language file.
func loadFile(fsys fs.FS, name string) ([]Template, error) {
	lang := strings.TrimSuffix(path.Base(name), ".json")
	if !isLangCode(lang) {
		return nil, fmt.Errorf("templates: %s: file name must be a two-letter language code such as de.json", name)
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("templates: %s: %w", name, err)
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("templates: %s: file is larger than %d bytes", name, maxFileSize)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var recs []record
	if err := dec.Decode(&recs); err != nil {
		return nil, fmt.Errorf("templates: %s: %w", name, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("templates: %s: unexpected data after the template list", name)
	}
	out := make([]Template, 0, len(recs))
	for i, r := range recs {
		t, err := r.template(lang)
		if err != nil {
			id := r.ID
			if id == "" {
				id = fmt.Sprintf("#%d", i+1)
			}
			return nil, fmt.Errorf("templates: %s: id %q: %w", name, id, err)
		}
		out = append(out, t)
	}
	return out, nil
}

// template validates a record and turns it into a Template.
func (r record) template(lang string) (Template, error) {
	for _, f := range []struct{ name, value string }{
		{"id", r.ID}, {"kind", r.Kind}, {"title", r.Title}, {"description", r.Description}, {"body", r.Body},
	} {
		if strings.TrimSpace(f.value) == "" {
			return Template{}, fmt.Errorf("missing field %q", f.name)
		}
	}
	kind, err := policy.ParseKind(r.Kind)
	if err != nil {
		return Template{}, fmt.Errorf("unknown kind %q", r.Kind)
	}
	if !kind.TakesText() {
		return Template{}, fmt.Errorf("kind %q takes attachments only, no text", r.Kind)
	}
	if strings.ContainsAny(r.Description, "\r\n") {
		return Template{}, fmt.Errorf("description must be one line")
	}
	free := map[string]bool{}
	for _, p := range policy.Placeholders(r.Body) {
		if p.Free {
			if strings.TrimSpace(p.Name) == "" {
				return Template{}, fmt.Errorf("free field without a description")
			}
			free[p.Name] = true
			continue
		}
		if !knownName(p.Name) {
			return Template{}, fmt.Errorf("unknown placeholder name %q", p.Name)
		}
	}
	for field := range free {
		if strings.TrimSpace(r.Examples[field]) == "" {
			return Template{}, fmt.Errorf("free field %q has no example", field)
		}
	}
	for field := range r.Examples {
		if !free[field] {
			return Template{}, fmt.Errorf("example for %q, which is not a free field of the body", field)
		}
	}
	return Template{
		ID: r.ID, Kind: kind, Lang: lang,
		Title: r.Title, Description: r.Description, Body: r.Body,
		Examples: r.Examples, BuiltIn: true,
	}, nil
}

// isLangCode reports a two-letter lower-case language code.
func isLangCode(s string) bool {
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}
