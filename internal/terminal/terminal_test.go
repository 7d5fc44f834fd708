package terminal

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// Only a terminal gets the redrawn progress line. The null device is a
// character device on Unix and on Windows alike, which the earlier
// ModeCharDevice test took for a terminal, so `2>/dev/null` or `2>NUL`
// received escape sequences.
func TestIsTerminalRejectsFilesPipesAndTheNullDevice(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	file, err := os.Create(filepath.Join(t.TempDir(), "progress.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for name, out := range map[string]io.Writer{os.DevNull: null, "a file": file, "a pipe": w, "a buffer": &bytes.Buffer{}} {
		if IsTerminal(out) {
			t.Errorf("%s is taken for a terminal", name)
		}
	}
}

type wrapped struct {
	io.Writer
	under io.Writer
}

func (w wrapped) Unwrap() io.Writer { return w.under }

// A buffer in front of a file still shows the file: fileOf unwraps it.
func TestFileOfUnwraps(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, ok := fileOf(wrapped{Writer: io.Discard, under: wrapped{under: f}}); !ok || got != f {
		t.Errorf("fileOf = %v, %v; want the file", got, ok)
	}
	if _, ok := fileOf(io.Discard); ok {
		t.Error("io.Discard is not a file")
	}
}
