package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"text/tabwriter"

	"sellermail/app/templates"
	"sellermail/policy"
)

// runTemplates lists the built-in templates, or prints one rendered with
// example values ("templates show ID --lang de").
func runTemplates(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && args[0] == "show" {
		return bind(parseTemplateShow, runTemplateShow)(ctx, e, args[1:])
	}
	return bind(parseTemplates, runTemplateList)(ctx, e, args)
}

// templatesOpts filter the list of templates.
type templatesOpts struct {
	lang   string
	kind   policy.Kind // empty: every kind
	format string      // text or json
}

func parseTemplates(args []string) (templatesOpts, error) {
	fs := newFlags("templates", "[--lang L] [--kind K] [--format text|json] | show ID --lang L")
	lang := fs.String("lang", "", "only templates in this language (de, en, fr, ...)")
	kind := fs.String("kind", "", "only templates of this message kind")
	format := fs.String("format", "text", "output format: text or json")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return templatesOpts{}, err
	}
	o := templatesOpts{lang: *lang, format: *format}
	switch {
	case len(rest) > 0:
		return o, usagef("templates: unexpected argument %q", rest[0])
	case *format != "text" && *format != "json":
		return o, usagef("--format must be text or json, not %q", *format)
	case *kind != "":
		if o.kind, err = policy.ParseKind(*kind); err != nil {
			return o, usagef("%v", err)
		}
	}
	return o, nil
}

func runTemplateList(_ context.Context, e *env, o templatesOpts) error {
	all, err := templates.BuiltIn()
	if err != nil {
		return err
	}
	list := templates.Filter(all, o.kind, o.lang)
	if o.format == "json" {
		type row struct {
			ID          string `json:"id"`
			Kind        string `json:"kind"`
			Lang        string `json:"lang"`
			Title       string `json:"title"`
			Description string `json:"description"`
			BuiltIn     bool   `json:"builtin"`
		}
		rows := make([]row, 0, len(list))
		for _, t := range list {
			rows = append(rows, row{t.ID, string(t.Kind), t.Lang, t.Title, t.Description, t.BuiltIn})
		}
		enc := json.NewEncoder(e.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rows)
	}
	tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tLANG\tKIND\tTITLE")
	for _, t := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", t.ID, t.Lang, t.Kind, t.Title)
	}
	return tw.Flush()
}

// templateShowOpts name one template.
type templateShowOpts struct {
	id, lang string
	raw      bool // with its placeholders instead of example values
}

func parseTemplateShow(args []string) (templateShowOpts, error) {
	fs := newFlags("templates show", "ID [--lang L] [--raw]")
	lang := fs.String("lang", "en", "the template's language")
	raw := fs.Bool("raw", false, "print the template with its placeholders instead of example values")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return templateShowOpts{}, err
	}
	if len(rest) != 1 {
		return templateShowOpts{}, usagef("templates show: name one template ID (see 'sellermail templates')")
	}
	return templateShowOpts{id: rest[0], lang: *lang, raw: *raw}, nil
}

// runTemplateShow prints the message alone on stdout, so that it pipes into
// "sellermail send ... -" or "sellermail lint"; its title, language, kind
// and description go to stderr, for the person at the terminal.
func runTemplateShow(_ context.Context, e *env, o templateShowOpts) error {
	t, err := templates.Find(o.id, o.lang)
	if errors.Is(err, templates.ErrNotFound) {
		return usagef("no template %q in language %q; 'sellermail templates --lang %s' lists them", o.id, o.lang, o.lang)
	}
	if err != nil {
		return err
	}
	body := t.Body
	if !o.raw {
		body = templates.Render(t.Body, t.Example())
	}
	fmt.Fprintf(e.Stderr, "%s (%s, %s)\n%s\n\n", t.Title, t.Lang, t.Kind, t.Description)
	fmt.Fprintln(e.Stdout, body)
	return nil
}
