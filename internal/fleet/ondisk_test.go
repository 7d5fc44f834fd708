package fleet

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A document read from a JSON file leaves its bytes on disk; Bytes reads
// exactly the document again, and says so when the file changed since.
func TestFileDocumentBytesStayOnDisk(t *testing.T) {
	dir := t.TempDir()
	services := `{"services": [
    {"serviceName": "a", "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/c", "taskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1"},
    {"serviceName": "b", "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/c", "taskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1"}
]}
`
	td := `{"taskDefinition": {"family": "web", "revision": 1, "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1",
  "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512}]}}`
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return filepath.ToSlash(p)
	}
	svcFile, tdFile := write("services.json", services), write("td.json", td)
	f, diags := Load(context.Background(), []string{dir}, nil)
	if len(diags) > 0 || len(f.Services) != 2 || len(f.TaskDefinitions) != 1 {
		t.Fatalf("loaded %d services, %d task definitions; diagnostics %v", len(f.Services), len(f.TaskDefinitions), diags)
	}
	if f.TaskDefinitions[0].Doc.MayHoldNull() {
		t.Error("MayHoldNull: the task definition holds no null")
	}
	if !f.Services[0].Doc.MayHoldNull() {
		t.Error("MayHoldNull: a service's bytes are not looked at for null, so it must say they may hold one")
	}
	withNull, _ := Load(context.Background(), []string{write("null.json", strings.Replace(td, `"memory": 512`, `"memory": null`, 1))}, nil)
	if len(withNull.TaskDefinitions) != 1 || !withNull.TaskDefinitions[0].Doc.MayHoldNull() {
		t.Error("MayHoldNull: a task definition holding a null says it holds none")
	}
	os.Remove(filepath.Join(dir, "null.json"))
	for _, s := range f.Services {
		if s.Doc.Raw != nil {
			t.Errorf("service %s keeps its bytes in memory", s.Name())
		}
		got := string(docBytes(t, s.Doc))
		if !strings.HasPrefix(got, `{"serviceName": "`+s.Name()+`"`) || !strings.HasSuffix(got, `web:1"}`) {
			t.Errorf("service %s: Bytes = %q, want its element of %s", s.Name(), got, svcFile)
		}
	}
	if got := string(docBytes(t, f.TaskDefinitions[0].Doc)); !strings.HasPrefix(got, `{"family": "web"`) || !strings.HasSuffix(got, `"memory": 512}]}`) {
		t.Errorf("task definition: Bytes = %q, want the taskDefinition member of %s", got, tdFile)
	}

	// The same length, other bytes: the checksum notices.
	write("td.json", strings.Replace(td, "nginx", "nginy", 1))
	if _, err := f.TaskDefinitions[0].Doc.Bytes(); err == nil || !strings.Contains(err.Error(), tdFile+" changed since it was loaded") {
		t.Errorf("Bytes after the file changed: error %v, want one naming %s", err, tdFile)
	}
	if err := os.Remove(svcFile); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Services[0].Doc.Bytes(); err == nil || !strings.Contains(err.Error(), "reading "+svcFile+" again") {
		t.Errorf("Bytes after the file was removed: error %v, want one naming %s", err, svcFile)
	}
}

// Documents with no file of their own bytes keep them: standard input and
// a YAML file's JSON.
func TestMemoryDocumentsKeepTheirBytes(t *testing.T) {
	td := `{"taskDefinition": {"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512}]}}`
	f, _ := Load(context.Background(), []string{Stdin}, strings.NewReader(td))
	if len(f.TaskDefinitions) != 1 || f.TaskDefinitions[0].Doc.Raw == nil {
		t.Fatal("a document from standard input must keep its bytes: there is no file to read them from again")
	}
	y := loadClean(t, filepath.Join("testdata", "yaml", "describe-task-definition.yaml"))
	if y.TaskDefinitions[0].Doc.Raw == nil {
		t.Error("a YAML document's JSON must stay in memory: the file does not hold it")
	}
}

// oneTaskDefinitionOnDisk loads one task definition from a file and
// gives the file's text and the document, which stays on disk.
func oneTaskDefinitionOnDisk(t *testing.T) (string, Doc) {
	t.Helper()
	dir := t.TempDir()
	text := `{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512}]}`
	if err := os.WriteFile(filepath.Join(dir, "td.json"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	f, diags := Load(context.Background(), []string{dir}, nil)
	if len(diags) > 0 || len(f.TaskDefinitions) != 1 {
		t.Fatalf("loaded %d task definitions; diagnostics %v", len(f.TaskDefinitions), diags)
	}
	return text, f.TaskDefinitions[0].Doc
}

// OwnBytesIn without a buffer gives Bytes' bytes in a slice of the
// caller's own, whether the document is held in memory or read again from
// its file: writing over it changes neither the model's Raw nor what
// Bytes reads next.
func TestOwnBytesAreTheCallers(t *testing.T) {
	text, onDisk := oneTaskDefinitionOnDisk(t)
	held := Doc{Raw: []byte(text)}
	for name, d := range map[string]Doc{"on disk": onDisk, "held": held} {
		own, err := d.OwnBytesIn(nil)
		if err != nil || string(own) != text {
			t.Fatalf("%s: OwnBytesIn(nil) = %q, %v; want %q", name, own, err, text)
		}
		for i := range own {
			own[i] = 'x'
		}
		if again := string(docBytes(t, d)); again != text {
			t.Errorf("%s: after writing over OwnBytesIn(nil), Bytes = %q", name, again)
		}
	}
	if string(held.Raw) != text {
		t.Errorf("the held document's Raw changed: %q", held.Raw)
	}
	if own, err := (Doc{}).OwnBytesIn(nil); own != nil || err != nil {
		t.Errorf("a document without bytes: OwnBytesIn(nil) = %q, %v", own, err)
	}
}

// TestOwnBytesInReusesTheBuffer: OwnBytesIn gives the document's bytes, in the
// buffer given when it has the room (for a document on disk and one held),
// in a new slice when it has not, and nil for a document without bytes;
// writing over what it gave leaves the document as it was.
func TestOwnBytesInReusesTheBuffer(t *testing.T) {
	text, onDisk := oneTaskDefinitionOnDisk(t)
	for name, d := range map[string]Doc{"on disk": onDisk, "held": {Raw: []byte(text)}} {
		room := make([]byte, 3, len(text)+10)
		got, err := d.OwnBytesIn(room)
		if err != nil || string(got) != text {
			t.Fatalf("%s: OwnBytesIn = %q, %v; want %q", name, got, err, text)
		}
		if &got[0] != &room[:1][0] {
			t.Errorf("%s: a buffer with room was not used", name)
		}
		small, err := d.OwnBytesIn(make([]byte, 0, 4))
		if err != nil || string(small) != text {
			t.Errorf("%s: in a small buffer, OwnBytesIn = %q, %v", name, small, err)
		}
		for i := range got {
			got[i] = 'x'
		}
		if again := string(docBytes(t, d)); again != text {
			t.Errorf("%s: after writing over OwnBytesIn's bytes, Bytes = %q", name, again)
		}
	}
	if got, err := (Doc{}).OwnBytesIn(make([]byte, 8)); got != nil || err != nil {
		t.Errorf("a document without bytes: OwnBytesIn = %q, %v", got, err)
	}
}
