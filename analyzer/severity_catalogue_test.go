package analyzer

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// TestAsOnlyDeclaredSeverities reads the analyzer's sources: every
// Finding.As(S) in a rule's file must name a severity the rule declares
// (Severity or Also), so the catalogue lists every severity a check can
// give. A file with As but no rule fails too.
func TestAsOnlyDeclaredSeverities(t *testing.T) {
	byVar := map[string]Rule{}
	for _, r := range Rules() {
		byVar[r.ID] = r
	}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		var as []string
		ast.Inspect(file, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CompositeLit:
				if id, ok := x.Type.(*ast.Ident); ok && id.Name == "Rule" {
					for _, e := range x.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok && kv.Key.(*ast.Ident).Name == "ID" {
							if lit, ok := kv.Value.(*ast.BasicLit); ok {
								ids = append(ids, strings.Trim(lit.Value, `"`))
							}
						}
					}
				}
			case *ast.CallExpr:
				if sel, ok := x.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "As" && len(x.Args) == 1 {
					if arg, ok := x.Args[0].(*ast.Ident); ok {
						as = append(as, arg.Name)
					}
				}
			}
			return true
		})
		if len(as) == 0 {
			continue
		}
		if len(ids) == 0 {
			t.Errorf("%s: Finding.As(%s) outside a rule's file", name, strings.Join(as, ", "))
			continue
		}
		for _, a := range as {
			sev, err := ParseSeverity(a)
			if err != nil {
				t.Errorf("%s: As(%s) is not a severity constant", name, a)
				continue
			}
			for _, id := range ids {
				if r := byVar[id]; !slices.Contains(r.Severities(), sev) {
					t.Errorf("%s: rule %s gives findings As(%s) but declares only %s (add it to Also)", name, id, a, r.SeverityText())
				}
			}
		}
	}
}

// TestCatalogueSeverityIsWhatTheAuditEmits audits every rule fixture: each
// finding's severity is one its rule declares, and each severity a rule
// declares is emitted by at least one fixture, so `rules` never lists a
// severity the audit does not give (efs-volume said blocker and gave
// warnings).
func TestCatalogueSeverityIsWhatTheAuditEmits(t *testing.T) {
	seen := map[string]map[Severity]bool{}
	dirs, _ := os.ReadDir(fixtureRoot)
	for _, d := range dirs {
		fixtures, _ := filepath.Glob(filepath.Join(fixtureRoot, d.Name(), "fail-*"))
		for _, fx := range nonGolden(fixtures) {
			f, diags := fleet.Load(context.Background(), []string{fx}, nil)
			if fleet.HasErrors(diags) {
				t.Fatalf("%s: %v", fx, diags)
			}
			res, err := Audit(f, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, fd := range res.Findings {
				if seen[fd.RuleID] == nil {
					seen[fd.RuleID] = map[Severity]bool{}
				}
				seen[fd.RuleID][fd.Severity] = true
			}
		}
	}
	for _, r := range Rules() {
		for sev := range seen[r.ID] {
			if !slices.Contains(r.Severities(), sev) {
				t.Errorf("rule %s: the audit emits %s, the catalogue says %s", r.ID, sev, r.SeverityText())
			}
		}
		for _, sev := range r.Severities() {
			if !seen[r.ID][sev] {
				t.Errorf("rule %s: the catalogue says it can be %s, but no fixture gives a %s finding", r.ID, sev, sev)
			}
		}
	}
}
