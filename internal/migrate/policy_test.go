package migrate

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"sort"
	"strings"
	"testing"
)

// The policy names every operation the code can call, and nothing else:
// the calls are read from this package's source (c.ecs.UpdateService,
// s.c.elb.ModifyRule, …).
func TestIAMPolicyMatchesTheCallsInTheCode(t *testing.T) {
	client := map[string]string{"ecs": "ecs", "elb": "elasticloadbalancing", "iam": "iam", "logs": "logs", "sts": "sts"}
	found := map[string]bool{}
	fset := token.NewFileSet()
	entries, _ := os.ReadDir(".")
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, e.Name(), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.SelectorExpr); ok {
				if svc, ok := client[x.Sel.Name]; ok {
					found[svc+":"+sel.Sel.Name] = true
				}
			}
			return true
		})
	}
	var called []string
	for k := range found {
		called = append(called, k)
	}
	sort.Strings(called)
	want := append([]string{}, Actions...)
	sort.Strings(want)
	if strings.Join(called, "\n") != strings.Join(want, "\n") {
		t.Errorf("policy actions and calls in the code differ\ncalled:\n  %s\npolicy:\n  %s", strings.Join(called, "\n  "), strings.Join(want, "\n  "))
	}
	var doc struct{ Statement []struct{ Effect string } }
	if err := json.Unmarshal(IAMPolicy(), &doc); err != nil || len(doc.Statement) != 2 {
		t.Fatalf("policy: %v %s", err, IAMPolicy())
	}
}
