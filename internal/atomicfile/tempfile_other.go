//go:build !unix

package atomicfile

import (
	"io/fs"
	"os"
)

// tempFile is the temporary file a Pending writes (tempfile_unix.go holds
// a bare descriptor; here an *os.File).
type tempFile struct {
	name string
	f    *os.File
}

// openExclusive creates name, which must not exist, for writing.
func openExclusive(name string, perm fs.FileMode) (*tempFile, error) {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return nil, err
	}
	return &tempFile{name: name, f: f}, nil
}

func (t *tempFile) Write(b []byte) (int, error) { return t.f.Write(b) }

// setMode gives the file exactly perm (on Windows, only the read-only
// attribute, which 0o644 leaves off).
func (t *tempFile) setMode(perm fs.FileMode) error { return t.f.Chmod(perm) }

func (t *tempFile) Sync() error { return t.f.Sync() }

// Close closes the file; again is no error (Abort after a failed Commit).
func (t *tempFile) Close() error {
	if t.f == nil {
		return nil
	}
	err := t.f.Close()
	t.f = nil
	return err
}
