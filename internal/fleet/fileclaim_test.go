package fleet

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// fakeFileClaimer claims .json and .yaml files whose text starts with
// "td " (fakeTranslator's lines), counting what it is asked.
type fakeFileClaimer struct {
	fakeTranslator
	mu    sync.Mutex
	asked map[string]int
}

func (c *fakeFileClaimer) Claim([]string, ReadFunc) [][]string {
	panic("Claim called on a FileClaimer: the files would be read twice")
}

func (c *fakeFileClaimer) MayClaim(file string) bool {
	return strings.HasSuffix(file, ".json") || strings.HasSuffix(file, ".yaml")
}

func (c *fakeFileClaimer) ClaimFile(file string, data []byte) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.asked[file]++
	return bytes.HasPrefix(data, []byte("td "))
}

// A FileClaimer is asked once per file it may claim, with the bytes the
// loader reads to load the file anyway: a file it claims loads as its
// unit, AWS CLI output as JSON, and a YAML file found in a directory that
// it leaves is no input (as before FileClaimers).
func TestFileClaimerSeesEachFileOnce(t *testing.T) {
	dir := t.TempDir()
	stack := filepath.ToSlash(writeFile(t, dir, "stack/template.yaml", "td app true\nsvc web app\n"))
	writeFile(t, dir, "stack/other.yaml", "kind: not a template\n")
	writeFile(t, dir, "stack/notes.txt", "td app true\n")
	hosts := filepath.ToSlash(writeFile(t, dir, "hosts/ci.json", `{"containerInstances":[{"containerInstanceArn":"arn:aws:ecs:us-east-1:123456789012:container-instance/main/abc","ec2InstanceId":"i-1"}]}`))
	c := &fakeFileClaimer{asked: map[string]int{}}

	f, diags := LoadWith(context.Background(), []string{dir}, strings.NewReader(""), LoadOptions{Translators: []Translator{c}})

	for _, d := range diags {
		if d.Level == LevelError {
			t.Errorf("diagnostic: %s", d)
		}
	}
	if got, want := strings.Join(f.Inputs, ","), hosts+","+stack; got != want {
		t.Errorf("Inputs = %s, want %s", got, want)
	}
	if len(f.TaskDefinitions) != 1 || len(f.Services) != 1 || len(f.Clusters) != 1 || len(f.Clusters[0].ContainerInstances) != 1 {
		t.Errorf("%d task definitions, %d services, clusters %v: want the template's app and web, and the host", len(f.TaskDefinitions), len(f.Services), f.Clusters)
	}
	if f.IaCKind(stack) != "Fake" || f.IaCKind(hosts) != "" {
		t.Errorf("IaCKind: %q for the template, %q for the CLI output", f.IaCKind(stack), f.IaCKind(hosts))
	}
	for _, name := range []string{"stack/template.yaml", "stack/other.yaml", "hosts/ci.json"} {
		if n := c.asked[filepath.ToSlash(filepath.Join(dir, name))]; n != 1 {
			t.Errorf("%s: asked %d times, want once", name, n)
		}
	}
	if len(c.asked) != 3 {
		t.Errorf("asked about %v; the .txt should not be read", c.asked)
	}
}
