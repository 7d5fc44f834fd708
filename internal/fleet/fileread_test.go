package fleet

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// readInto gives what os.ReadFile gives, whatever the buffer it is
// handed: none, a small one, one of the file's size exactly (it must
// still see the end), a larger one, and one holding an earlier file's
// bytes; and os.ReadFile's errors for a missing file and a directory.
func TestReadIntoMatchesReadFile(t *testing.T) {
	dir := t.TempDir()
	sizes := []int{0, 1, minReadBuffer - 1, minReadBuffer, minReadBuffer + 1, 4096, 100_003}
	for _, size := range sizes {
		content := bytes.Repeat([]byte("0123456789abcdef"), size/16+1)[:size]
		path := filepath.Join(dir, "f.json")
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, buf := range [][]byte{nil, make([]byte, 3), make([]byte, 0, size), make([]byte, 0, size+1), bytes.Repeat([]byte("#"), 2*size+600)} {
			got, err := readInto(path, buf)
			if err != nil || !bytes.Equal(got, content) {
				t.Errorf("size %d, buffer of %d: read %d bytes (%v), want %d", size, cap(buf), len(got), err, size)
			}
		}
	}
	_, want := os.ReadFile(filepath.Join(dir, "missing.json"))
	_, got := readInto(filepath.Join(dir, "missing.json"), nil)
	if got == nil || got.Error() != want.Error() || !errors.Is(got, os.ErrNotExist) {
		t.Errorf("missing file: %v, want %v", got, want)
	}
	_, want = os.ReadFile(dir)
	_, got = readInto(dir, make([]byte, 0, 64))
	if got == nil || unwrapPathErr(got).Error() != unwrapPathErr(want).Error() {
		t.Errorf("directory: %v, want %v", got, want)
	}
}
