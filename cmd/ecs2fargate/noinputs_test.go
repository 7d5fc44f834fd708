package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every command that reads inputs exits 1 when they hold nothing ECS, with
// an error naming the path and what was skipped there, and writes no
// output: a CI gate pointed at the wrong folder must not pass green.
func TestNoECSInputsIsAnError(t *testing.T) {
	empty := t.TempDir()
	unrelated := t.TempDir()
	writeTestFile(t, filepath.Join(unrelated, "package.json"), `{"name": "infra", "version": "1.0.0"}`)
	writeTestFile(t, filepath.Join(unrelated, "tsconfig.json"), `{"compilerOptions": {}}`)
	vpc := t.TempDir()
	writeTestFile(t, filepath.Join(vpc, "main.tf"), "resource \"aws_vpc\" \"main\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n")
	onlyEC2 := t.TempDir()
	copyFile(t, "../../examples/demo-fleet/prod-core/instances.json", filepath.Join(onlyEC2, "instances.json"))

	cases := []struct {
		name, dir string
		want      []string // in the error line
	}{
		{"empty directory", empty, []string{"no ECS inputs found under " + empty + ": no JSON, YAML or Terraform file was read"}},
		{"unrelated JSON", unrelated, []string{"no ECS inputs found under " + unrelated,
			"skipped 2 input file(s)", filepath.Join(unrelated, "package.json"), filepath.Join(unrelated, "tsconfig.json")}},
		{"Terraform without ECS", vpc, []string{"no ECS inputs found under " + vpc, "skipped 1 input file(s)", filepath.ToSlash(filepath.Join(vpc, "main.tf")), "or Terraform declaring"}},
		{"EC2 instances only", onlyEC2, []string{"no ECS inputs found under " + onlyEC2, "they held only 6 EC2 instance(s)"}},
	}
	commands := map[string][]string{
		"audit":    {"audit"},
		"audit-js": {"audit", "--format", "json"},
		"cost":     {"cost"},
		"report":   {"report", "--format", "json"},
		"rewrite":  {"rewrite", "--out", "OUT"},
		"check":    {"rewrite", "--check"},
		"snapshot": {"snapshot", "--out", "OUT/estate.json"},
	}
	for _, c := range cases {
		for name, cmd := range commands {
			t.Run(c.name+"/"+name, func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "out")
				args := make([]string, len(cmd))
				for i, a := range cmd {
					args[i] = strings.Replace(a, "OUT", out, 1)
				}
				code, stdout, stderr := runCLI(t, "", append(args, c.dir)...)
				if code != exitError {
					t.Errorf("exit %d, want %d (no ECS inputs)", code, exitError)
				}
				for _, w := range c.want {
					if !strings.Contains(stderr, w) {
						t.Errorf("stderr lacks %q:\n%s", w, stderr)
					}
				}
				if stdout != "" {
					t.Errorf("output written for no inputs:\n%s", stdout)
				}
				if _, err := os.Stat(out); err == nil {
					t.Errorf("%s was written for no inputs", out)
				}
			})
		}
	}
}

// Standard input holding only unrelated JSON is named as standard input.
func TestNoECSInputsOnStdin(t *testing.T) {
	code, _, stderr := runCLI(t, `{"Reservations": []}`, "audit", "-")
	if code != exitError || !strings.Contains(stderr, "no ECS inputs found under standard input") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}

// A directory with ECS inputs beside unrelated JSON is still audited.
func TestSomeECSInputsIsNotAnError(t *testing.T) {
	code, _, stderr := runCLI(t, "", "audit", "testdata/fleet/ready.json")
	if code != exitOK || strings.Contains(stderr, "no ECS inputs") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}
