package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

// A pending file is at its path only once committed; an aborted one
// leaves the old file and no temporary file.
func TestPendingCommitAndAbort(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "changes.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Create(path, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	p.Write([]byte("new, "))
	p.Write([]byte("in pieces"))
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatalf("before Commit the path holds %q", b)
	}
	if err := p.Commit(false); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new, in pieces" {
		t.Fatalf("after Commit the path holds %q", b)
	}
	q, err := Create(path, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	q.Write([]byte("half"))
	q.Abort()
	if b, _ := os.ReadFile(path); string(b) != "new, in pieces" {
		t.Errorf("after Abort the path holds %q", b)
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("%d entries in the directory, want only changes.json", len(es))
	}
}
