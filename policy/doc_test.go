package policy

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"strings"
	"testing"
)

// TestPackageDocListsEveryRule keeps the rule list in the package
// documentation in step with the catalogue, severity included.
func TestPackageDocListsEveryRule(t *testing.T) {
	f, err := parser.ParseFile(gotoken.NewFileSet(), "policy.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	doc := (&ast.CommentGroup{List: f.Doc.List}).Text()
	bySeverity := map[string]string{}
	var current string
	for _, line := range strings.Split(doc, "\n") {
		fields := strings.Fields(strings.ReplaceAll(line, ",", " "))
		if len(fields) == 0 {
			continue
		}
		if _, err := ParseSeverity(fields[0]); err == nil {
			current, fields = fields[0], fields[1:]
		} else if !strings.HasPrefix(line, "\t") {
			current = ""
		}
		for _, id := range fields {
			if current != "" && id == strings.ToUpper(id) {
				bySeverity[id] = current
			}
		}
	}
	for _, r := range Rules() {
		if got := bySeverity[r.ID]; got != r.Severity.String() {
			t.Errorf("package doc lists %s under %q, the catalogue says %q", r.ID, got, r.Severity)
		}
		delete(bySeverity, r.ID)
	}
	for id := range bySeverity {
		t.Errorf("package doc lists %s, which is not in the catalogue", id)
	}
}
