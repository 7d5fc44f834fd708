// Package terraform reads Terraform modules into the fleet model: ECS task
// definitions, services, clusters and target groups, as a fleet.Translator
// (see internal/fleet/translate.go). It parses with HashiCorp's own HCL
// library (hclsyntax) and evaluates only what is known statically:
// literals, variables with a default or a terraform.tfvars value, locals
// built from those, and the inputs a module call passes to a local module.
// Anything else (a data source, another resource's attribute, a variable
// with no value) is unknown: the field is left out of the translated
// document and recorded in Translated.Unknown, so that the rules that read
// it report "not checked" instead of judging it absent.
package terraform

import (
	"path"
	"slices"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// Translator reads Terraform (*.tf) modules.
type Translator struct{}

// Kind names the input kind in diagnostics.
func (Translator) Kind() string { return "Terraform" }

// Claim groups the *.tf files by directory: each directory is a module, and
// its terraform.tfvars and *.auto.tfvars come with it, and so do the files
// under it that its code names (a JSON file read with file()), which are
// not AWS CLI output. A module that
// another claimed module calls by a local path ("./modules/ecs") joins its
// caller's unit, so that it is read once, with the caller's inputs. Files
// under .terraform (modules and providers terraform init downloaded) are
// left alone.
func (Translator) Claim(files []string, read fleet.ReadFunc) [][]string {
	byDir := map[string][]string{}
	var dirs []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".tf") || strings.Contains("/"+f, "/.terraform/") {
			continue
		}
		d := path.Dir(f)
		if byDir[d] == nil {
			dirs = append(dirs, d)
		}
		byDir[d] = append(byDir[d], f)
	}
	for _, f := range files {
		base := path.Base(f)
		if d := path.Dir(f); byDir[d] != nil && (base == "terraform.tfvars" || strings.HasSuffix(base, ".auto.tfvars")) {
			byDir[d] = append(byDir[d], f)
		}
	}
	whole := readOnce(read)
	claimReadFiles(files, byDir, whole)
	calledBy := map[string]string{}
	for _, d := range dirs {
		for _, child := range localModuleCalls(byDir[d], whole) {
			if byDir[child] != nil && child != d && calledBy[child] == "" {
				calledBy[child] = d
			}
		}
	}
	rootOf := func(d string) string {
		seen := map[string]bool{}
		for calledBy[d] != "" && !seen[d] {
			seen[d] = true
			d = calledBy[d]
		}
		return d
	}
	units := map[string][]string{}
	var roots []string
	for _, d := range dirs {
		r := rootOf(d)
		if units[r] == nil {
			roots = append(roots, r)
		}
		units[r] = append(units[r], byDir[d]...)
	}
	out := make([][]string, 0, len(roots))
	for _, r := range roots {
		// The root module's files first: Translate reads the first file's
		// directory as the root.
		u := units[r]
		slices.SortStableFunc(u, func(a, b string) int {
			ra, rb := path.Dir(a) == r, path.Dir(b) == r
			switch {
			case ra && !rb:
				return -1
			case rb && !ra:
				return 1
			}
			return 0
		})
		out = append(out, u)
	}
	return out
}

// Translate reads one unit: a root module and the local modules it calls.
func (Translator) Translate(unit []string) ([]fleet.Translated, []fleet.Diagnostic) {
	u := newUnit(unit)
	u.translate()
	return u.docs, u.diags
}

// readOnce reads whole files through read, each once: Claim looks at a
// module's *.tf files twice (for the files they read, for the modules they
// call).
func readOnce(read fleet.ReadFunc) func(string) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	seen := map[string]result{}
	return func(f string) ([]byte, error) {
		if r, ok := seen[f]; ok {
			return r.data, r.err
		}
		data, err := read(f, 0)
		seen[f] = result{data, err}
		return data, err
	}
}

// claimReadFiles adds to each module the other files under its directory
// whose name its *.tf files mention (file("${path.module}/c.json"),
// templatefile(...)): they are read through the module, not as inputs.
func claimReadFiles(files []string, byDir map[string][]string, read func(string) ([]byte, error)) {
	texts := map[string]string{}
	for d, fs := range byDir {
		var b strings.Builder
		for _, f := range fs {
			if data, err := read(f); err == nil {
				b.Write(data)
			}
		}
		texts[d] = b.String()
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".tf") || strings.HasSuffix(f, ".tfvars") {
			continue
		}
		for d := path.Dir(f); ; d = path.Dir(d) {
			if t, ok := texts[d]; ok && strings.Contains(t, strings.TrimPrefix(f, d+"/")) {
				byDir[d] = append(byDir[d], f)
				break
			}
			if d == "." || d == "/" || path.Dir(d) == d {
				break
			}
		}
	}
}
