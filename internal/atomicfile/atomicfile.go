// Package atomicfile writes files so that readers see either the old
// content or the whole new content, never half a file: a temporary file in
// the same directory is written, synced and renamed over the target.
//
// On Windows os.Rename is MoveFileEx with MOVEFILE_REPLACE_EXISTING, so
// the rename replaces an existing target as it does on Unix; it fails if
// another program holds the target open without sharing delete access,
// and then the old file is left whole and the error names it. Chmod there
// sets only the read-only attribute, which 0o644 leaves off.
package atomicfile

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write creates or replaces path with what fill writes, synced to disk
// before the rename. If fill or any step fails, the target is left as it
// was and the temporary file is removed.
func Write(path string, perm os.FileMode, fill func(w io.Writer) error) error {
	return write(path, perm, fill, true)
}

// WriteUnsynced is Write without the sync: readers still never see half a
// file, but after a crash the file may be empty or missing. For a set of
// files a run can write again byte for byte, followed by one Sync of their
// directory at the end (rewrite --out, docs/rewrite.md).
func WriteUnsynced(path string, perm os.FileMode, fill func(w io.Writer) error) error {
	return write(path, perm, fill, false)
}

func write(path string, perm os.FileMode, fill func(w io.Writer) error, sync bool) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("creating %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	// Buffered: renderers write in small pieces, and a system call per
	// piece was seconds of system time for a 10,000-service report. The
	// default size, as rewrite --out writes thousands of small files;
	// bigger writes pass straight through.
	buf := bufio.NewWriter(tmp)
	if err = fill(buf); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = buf.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if sync {
		if err = tmp.Sync(); err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replacing %s: %w", path, err)
	}
	return nil
}
