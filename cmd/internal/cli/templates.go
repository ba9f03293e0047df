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
func runTemplates(ctx context.Context, e *env, args []string) int {
	if len(args) > 0 && args[0] == "show" {
		return runTemplateShow(ctx, e, args[1:])
	}
	fs := newFlags(e, "templates", "[--lang L] [--kind K] [--format text|json] | show ID --lang L")
	lang := fs.String("lang", "", "only templates in this language (de, en, fr, ...)")
	kind := fs.String("kind", "", "only templates of this message kind")
	format := fs.String("format", "text", "output format: text or json")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(rest) > 0 {
		e.errorf("templates: unexpected argument %q", rest[0])
		return exitUsage
	}
	var k policy.Kind
	if *kind != "" {
		if k, err = policy.ParseKind(*kind); err != nil {
			e.errorf("%v", err)
			return exitUsage
		}
	}
	all, err := templates.BuiltIn()
	if err != nil {
		e.errorf("%v", err)
		return exitFindings
	}
	list := templates.Filter(all, k, *lang)
	switch *format {
	case "json":
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
		_ = enc.Encode(rows)
	case "text":
		tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tLANG\tKIND\tTITLE")
		for _, t := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", t.ID, t.Lang, t.Kind, t.Title)
		}
		_ = tw.Flush()
	default:
		e.errorf("--format must be text or json, not %q", *format)
		return exitUsage
	}
	return exitOK
}

func runTemplateShow(_ context.Context, e *env, args []string) int {
	fs := newFlags(e, "templates show", "ID [--lang L] [--raw]")
	lang := fs.String("lang", "en", "the template's language")
	raw := fs.Bool("raw", false, "print the template with its placeholders instead of example values")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(rest) != 1 {
		e.errorf("templates show: name one template ID (see 'sellermail templates')")
		return exitUsage
	}
	t, err := templates.Find(rest[0], *lang)
	if errors.Is(err, templates.ErrNotFound) {
		e.errorf("no template %q in language %q; 'sellermail templates --lang %s' lists them", rest[0], *lang, *lang)
		return exitUsage
	}
	if err != nil {
		e.errorf("%v", err)
		return exitFindings
	}
	body := t.Body
	if !*raw {
		body = templates.Render(t.Body, t.Example())
	}
	fmt.Fprintf(e.Stdout, "%s (%s, %s)\n%s\n\n%s\n", t.Title, t.Lang, t.Kind, t.Description, body)
	return exitOK
}
