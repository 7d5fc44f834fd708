package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/golden"
	"github.com/ecs2fargate/ecs2fargate/internal/testtool"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// The Terraform rewrite in place (README "Rewriting Terraform and
// CloudFormation in place"), end to end through the command, on every
// module of the real-world corpus (testdata/iac/terraform) and on our own
// fixtures (testdata/iac-rewrite/terraform).

// tfRewriteFlags name what the corpus does not (no ARN gives an account or
// Region), so that its task definitions can be rewritten at all.
var tfRewriteFlags = []string{"--execution-role-arn", "arn:aws:iam::123456789012:role/ecsTaskExecutionRole", "--log-region", "us-east-1"}

// terraformRewriteModules lists the modules, relative to the repository
// root (the tests run there, so the diffs name the files as a user in a
// checkout would).
func terraformRewriteModules(t *testing.T) []string {
	t.Helper()
	var dirs []string
	for _, pattern := range []string{"testdata/iac/terraform/*", "cmd/ecs2fargate/testdata/iac-rewrite/terraform/*"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range m {
			if st, err := os.Stat(d); err == nil && st.IsDir() {
				dirs = append(dirs, filepath.ToSlash(d))
			}
		}
	}
	if len(dirs) < 10 {
		t.Fatalf("found %d Terraform modules, want the corpus and the fixtures", len(dirs))
	}
	return dirs
}

// goldenName is the golden file of a module's diff.
func goldenName(dir, suffix string) string {
	return "cmd/ecs2fargate/testdata/iac-rewrite/golden/" + strings.ReplaceAll(strings.TrimPrefix(strings.TrimPrefix(dir, "cmd/ecs2fargate/testdata/iac-rewrite/"), "testdata/iac/"), "/", "-") + suffix + ".diff"
}

// forcedModules keep a blocker, so that only --force rewrites them: they
// are rewritten both ways, which edits their volumes, placement
// constraints and tab-indented heredoc too.
var forcedModules = []string{
	"testdata/iac/terraform/provider-docs-taskdef-docker-volume",
	"testdata/iac/terraform/provider-docs-taskdef-host-volume",
	"testdata/iac/terraform/provider-docs-taskdef-inference",
}

// rewriteCase is one rewrite of a module: its flags and golden suffix.
type rewriteCase struct {
	dir, suffix string
	flags       []string
}

func terraformRewriteCases(t *testing.T) []rewriteCase {
	var cases []rewriteCase
	for _, dir := range terraformRewriteModules(t) {
		cases = append(cases, rewriteCase{dir, "", tfRewriteFlags})
		if slices.Contains(forcedModules, dir) {
			cases = append(cases, rewriteCase{dir, "-force", append([]string{"--force"}, tfRewriteFlags...)})
		}
	}
	return cases
}

// `rewrite` on a Terraform module prints the diff of its edits (the
// default for IaC inputs) and, on stderr, the summary and the notes.
func TestTerraformRewriteDiffGolden(t *testing.T) {
	t.Chdir("../..")
	for _, c := range terraformRewriteCases(t) {
		t.Run(filepath.Base(c.dir)+c.suffix, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, "", append(append([]string{"rewrite"}, c.flags...), c.dir)...)
			got := stdout + "\n--- stderr (exit " + string(rune('0'+code)) + ") ---\n" + stderr
			golden.Assert(t, goldenName(c.dir, c.suffix), []byte(got))
		})
	}
}

// The judges: each module is copied and rewritten with --write, then the
// edited files parse with hclsyntax, pass terraform fmt -check when the
// originals did, keep every byte outside the edited resources, re-audit
// with nothing fixable that the rewrite did not leave (and say so), and a
// second rewrite changes nothing. terraform validate cannot run: it needs
// the AWS provider, which cannot be downloaded offline.
func TestTerraformRewriteJudges(t *testing.T) {
	t.Chdir("../..")
	for _, c := range terraformRewriteCases(t) {
		dir := c.dir
		t.Run(filepath.Base(dir)+c.suffix, func(t *testing.T) {
			work := filepath.Join(t.TempDir(), filepath.Base(dir))
			copyTree(t, dir, work)
			args := append(append([]string{"rewrite", "--write"}, c.flags...), work)
			_, _, stderr := runCLI(t, "", args...)
			edited := changedFiles(t, dir, work)
			if len(edited) == 0 {
				t.Logf("nothing edited:\n%s", stderr)
				return
			}
			for _, name := range edited {
				if strings.HasSuffix(name, ".tf") {
					checkParses(t, filepath.Join(work, name))
					checkKept(t, filepath.Join(dir, name), filepath.Join(work, name), stderr)
				}
			}
			checkFmt(t, dir, work)
			checkReaudit(t, work, stderr)
			_, second, stderr2 := runCLI(t, "", append(append([]string{"rewrite"}, c.flags...), work)...)
			if second != "" {
				t.Errorf("a second rewrite changes the rewritten code:\n%s\n%s", second, stderr2)
			}
		})
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// changedFiles lists the files of work that differ from dir's.
func changedFiles(t *testing.T, dir, work string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		a, _ := os.ReadFile(p)
		b, _ := os.ReadFile(filepath.Join(work, rel))
		if !bytes.Equal(a, b) {
			out = append(out, rel)
		}
		return nil
	})
	return out
}

func checkParses(t *testing.T, name string) {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos); diags.HasErrors() {
		t.Errorf("%s does not parse after the rewrite: %s", name, diags.Error())
	}
}

// checkKept checks that every byte outside the resources the rewrite
// edited is kept: the text between top-level blocks and every block the
// notes do not name appear in the edited file unchanged and in order (new
// blocks and variables may come between them).
func checkKept(t *testing.T, orig, edited, notes string) {
	t.Helper()
	src, _ := os.ReadFile(orig)
	out, _ := os.ReadFile(edited)
	f, diags := hclsyntax.ParseConfig(src, orig, hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("%s: %s", orig, diags.Error())
	}
	var segments [][]byte
	at := 0
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		r := b.Range()
		segments = append(segments, src[at:r.Start.Byte])
		at = r.End.Byte
		if b.Type == "resource" && len(b.Labels) == 2 && strings.Contains(notes, b.Labels[0]+"."+b.Labels[1]) {
			continue // edited: its own checks are the golden diff's
		}
		segments = append(segments, src[r.Start.Byte:r.End.Byte])
	}
	segments = append(segments, src[at:])
	pos := 0
	for _, s := range segments {
		if len(bytes.TrimSpace(s)) == 0 {
			continue
		}
		i := bytes.Index(out[pos:], s)
		if i < 0 {
			t.Errorf("%s: this text outside the edited resources is not kept as it was:\n%s", edited, s)
			return
		}
		pos += i + len(s)
	}
}

// checkFmt runs terraform fmt -check on the original and the edited module:
// the edited one lists no file the original did not.
func checkFmt(t *testing.T, dir, work string) {
	t.Helper()
	bin := testtool.Path(t, "terraform", "terraform fmt -check of the rewritten Terraform", "terraform")
	list := func(d string) []string {
		cmd := exec.Command(bin, "fmt", "-check", "-list=true", "-recursive", ".")
		cmd.Dir = d
		cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE=/dev/null", "CHECKPOINT_DISABLE=1")
		out, _ := cmd.Output() // exit 3 when a file is listed
		var files []string
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			if l != "" {
				files = append(files, l)
			}
		}
		sort.Strings(files)
		return files
	}
	before, after := list(dir), list(work)
	for _, f := range after {
		if !slices.Contains(before, f) {
			t.Errorf("terraform fmt -check fails on %s after the rewrite, not before", f)
		}
	}
}

// checkReaudit audits the rewritten module: a fixable finding may remain
// only where the rewrite's notes said an edit could not be made.
func checkReaudit(t *testing.T, work, notes string) {
	t.Helper()
	_, stdout, stderr := runCLI(t, "", "audit", "--format", "json", work)
	var report struct {
		Findings []struct {
			RuleID, Severity, Path, Message string
			TaskDefinition, Service         string
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	leftByHand := strings.Contains(notes, "not edited")
	for _, f := range report.Findings {
		if f.Severity == "fixable" && !leftByHand {
			t.Errorf("re-audit finds a fixable %s at %s %s%s: %s", f.RuleID, f.TaskDefinition, f.Service, f.Path, f.Message)
		}
	}
}
