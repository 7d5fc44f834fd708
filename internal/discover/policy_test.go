package discover

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The IAM policy must name every operation the code can call, and nothing
// else. The calls are found by reading this package's source.
func TestIAMPolicyMatchesTheCallsInTheCode(t *testing.T) {
	called := callsInSource(t)
	want := append([]string{}, Actions...)
	sort.Strings(want)
	if strings.Join(called, "\n") != strings.Join(want, "\n") {
		t.Errorf("policy actions and calls in the code differ\ncalled:\n  %s\npolicy:\n  %s",
			strings.Join(called, "\n  "), strings.Join(want, "\n  "))
	}
	var doc struct {
		Statement []struct {
			Effect   string
			Action   []string
			Resource string
		}
	}
	if err := json.Unmarshal(IAMPolicy(), &doc); err != nil || len(doc.Statement) != 1 || doc.Statement[0].Effect != "Allow" {
		t.Fatalf("policy is not one Allow statement: %v %s", err, IAMPolicy())
	}
	for _, a := range doc.Statement[0].Action {
		op := a[strings.IndexByte(a, ':')+1:]
		if !regexp.MustCompile(`^(Describe|List|Get|AssumeRole)`).MatchString(op) {
			t.Errorf("%s is not a read", a)
		}
	}
}

var paginatorName = regexp.MustCompile(`^New(\w+)Paginator$`)

func callsInSource(t *testing.T) []string {
	t.Helper()
	clientField := map[string]string{"ecs": "ecs", "ec2": "ec2", "ecr": "ecr", "elb": "elasticloadbalancing", "cw": "cloudwatch"}
	pkgService := map[string]string{"ecs": "ecs", "ec2": "ec2", "ecr": "ecr", "elb": "elasticloadbalancing", "sts": "sts",
		"organizations": "organizations", "cloudwatch": "cloudwatch"}
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
			switch x := sel.X.(type) {
			case *ast.SelectorExpr: // r.ecs.DescribeServices(...)
				if svc, ok := clientField[x.Sel.Name]; ok {
					found[svc+":"+sel.Sel.Name] = true
				}
			case *ast.CallExpr: // sts.NewFromConfig(cfg).GetCallerIdentity(...)
				if inner, ok := x.Fun.(*ast.SelectorExpr); ok && inner.Sel.Name == "NewFromConfig" {
					if pkg, ok := inner.X.(*ast.Ident); ok && pkgService[pkg.Name] != "" {
						found[pkgService[pkg.Name]+":"+sel.Sel.Name] = true
					}
				}
			case *ast.Ident: // ecs.NewListServicesPaginator(...), stscreds.NewAssumeRoleProvider(...)
				if m := paginatorName.FindStringSubmatch(sel.Sel.Name); m != nil && pkgService[x.Name] != "" {
					found[pkgService[x.Name]+":"+m[1]] = true
				}
				if x.Name == "stscreds" && sel.Sel.Name == "NewAssumeRoleProvider" {
					found["sts:AssumeRole"] = true
				}
			}
			return true
		})
	}
	out := make([]string, 0, len(found))
	for k := range found {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
