package atomicfile

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// A temporary file is named .NAME.tmp-PID-SEQ beside its target, and a
// name a crashed run of the same process ID left behind is passed over
// (O_EXCL), not written into or removed.
func TestTemporaryNameSkipsLeftovers(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	prefix := filepath.Join(dir, ".a.json.tmp-"+strconv.Itoa(os.Getpid())+"-")
	next := tempSeq.Load() + 1
	for i := range uint64(3) { // the next three names, taken by a "crashed run"
		if err := os.WriteFile(prefix+strconv.FormatUint(next+i, 10), []byte("left"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	p, err := Create(path, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if want := prefix + strconv.FormatUint(next+3, 10); p.tmp.name != want {
		t.Errorf("temporary file %s, want %s", p.tmp.name, want)
	}
	io.WriteString(p, "whole")
	if err := p.Commit(false); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "whole" {
		t.Errorf("target holds %q", b)
	}
	for i := range uint64(3) {
		if b, err := os.ReadFile(prefix + strconv.FormatUint(next+i, 10)); err != nil || string(b) != "left" {
			t.Errorf("leftover %d: %q, %v", i, b, err)
		}
	}
}

// The file gets exactly the mode asked for, whatever the umask (it was
// created with it, and set again when the umask took bits away), as when
// it was created 0600 and changed with chmod.
func TestCommittedModeIgnoresUmask(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes")
	}
	dir := t.TempDir()
	for _, perm := range []fs.FileMode{0o644, 0o755, 0o600} {
		path := filepath.Join(dir, perm.String())
		if err := WriteUnsynced(path, perm, func(w io.Writer) error { return nil }); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Stat(path); err != nil || st.Mode().Perm() != perm {
			t.Errorf("%s: mode %v (%v), want %v", path, st.Mode().Perm(), err, perm)
		}
	}
}

// A file whose folder is a file cannot be created: an error naming the
// target.
func TestCreateUnderAFileFails(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "f"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "f", "a.json")
	if _, err := Create(path, 0o644); err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("error %v, want one naming %s", err, path)
	}
}

// A file that cannot be created (a directory that is not writable) is an
// error naming the target, and nothing is left behind.
func TestCreateInUnwritableDirectoryFails(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs Unix permissions that bind (not root)")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	path := filepath.Join(dir, "a.json")
	_, err := Create(path, 0o644)
	if err == nil || !strings.Contains(err.Error(), path) || !errorsIsPermission(err) {
		t.Fatalf("error %v, want a permission error naming %s", err, path)
	}
	if es, _ := os.ReadDir(dir); len(es) != 0 {
		t.Errorf("left behind: %v", es)
	}
}

func errorsIsPermission(err error) bool {
	for e := err; e != nil; {
		if os.IsPermission(e) {
			return true
		}
		u, ok := e.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		e = u.Unwrap()
	}
	return false
}

// A file bigger than the buffer, written in pieces of every size, comes
// out whole and in order.
func TestPendingWritesBeyondTheBuffer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big")
	var want bytes.Buffer
	p, err := Create(path, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; want.Len() < 3*bufferSize; i++ {
		piece := bytes.Repeat([]byte{byte('a' + i%26)}, (i*7919)%(bufferSize+100))
		want.Write(piece)
		if n, err := p.Write(piece); err != nil || n != len(piece) {
			t.Fatalf("Write: %d, %v", n, err)
		}
	}
	if err := p.Commit(true); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, want.Bytes()) {
		t.Errorf("file of %d bytes differs from the %d written", len(got), want.Len())
	}
}
