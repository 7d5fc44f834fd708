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
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
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

func write(path string, perm os.FileMode, fill func(w io.Writer) error, sync bool) error {
	p, err := Create(path, perm)
	if err != nil {
		return err
	}
	if err := fill(p); err != nil {
		p.Abort()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return p.Commit(sync)
}

// Pending is a file being written, under a temporary name beside its
// target until Commit renames it over the target: for a file written
// piece by piece over a long run (rewrite --out writes changes.json as its
// results are produced, and renames it last).
type Pending struct {
	path string
	perm os.FileMode
	tmp  *tempFile
	// Buffered: renderers write in small pieces, and a system call per
	// piece was seconds of system time for a 10,000-service report. 64
	// KiB: a rewritten document (about 15 KB) and its newline go in one
	// write system call; bigger writes pass straight through.
	buf *bufio.Writer
}

// Create starts writing path: nothing is at path until Commit.
func Create(path string, perm os.FileMode) (*Pending, error) {
	tmp, err := createTemp(path, perm)
	if err != nil {
		return nil, fmt.Errorf("creating %s: %w", path, err)
	}
	buf := buffers.Get().(*bufio.Writer)
	buf.Reset(tmp)
	return &Pending{path: path, perm: perm, tmp: tmp, buf: buf}, nil
}

// createTemp creates the temporary file of path beside it, named
// .NAME.tmp-PID-SEQ: one open system call that creates it with its mode
// (O_EXCL: a name left by a crashed run of the same process ID is passed
// over for the next), where os.CreateTemp's random names cost a random
// number and a retry on a collision, and a chmod after.
func createTemp(path string, perm os.FileMode) (*tempFile, error) {
	prefix := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-"+strconv.Itoa(os.Getpid())+"-")
	for range 10000 {
		tmp, err := openExclusive(prefix+strconv.FormatUint(tempSeq.Add(1), 10), perm)
		if !errors.Is(err, fs.ErrExist) {
			return tmp, err
		}
	}
	return nil, &fs.PathError{Op: "createtemp", Path: prefix + "*", Err: fs.ErrExist}
}

// tempSeq numbers the temporary files of this process.
var tempSeq atomic.Uint64

// buffers are the Pendings' buffers, reused: rewrite --out writes
// thousands of files, and a buffer each was 70 MB of allocation at 10,000
// services.
var buffers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, bufferSize) }}

const bufferSize = 64 << 10

// release gives the buffer back, once.
func (p *Pending) release() {
	if p.buf != nil {
		p.buf.Reset(nil)
		buffers.Put(p.buf)
		p.buf = nil
	}
}

// Write adds p to the file.
func (p *Pending) Write(b []byte) (int, error) { return p.buf.Write(b) }

// Commit puts the whole file at its path (synced first when sync is set,
// see Write and WriteUnsynced). On failure the target is left as it was and
// the temporary file is removed.
func (p *Pending) Commit(sync bool) (err error) {
	defer func() {
		if err != nil {
			p.Abort()
		}
	}()
	if err = p.buf.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", p.path, err)
	}
	p.release()
	if err = p.tmp.setMode(p.perm); err != nil {
		return fmt.Errorf("writing %s: %w", p.path, err)
	}
	if sync {
		if err = p.tmp.Sync(); err != nil {
			return fmt.Errorf("writing %s: %w", p.path, err)
		}
	}
	if err = p.tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", p.path, err)
	}
	if err = os.Rename(p.tmp.name, p.path); err != nil {
		return fmt.Errorf("replacing %s: %w", p.path, err)
	}
	return nil
}

// Abort removes the temporary file; the target is left as it was.
func (p *Pending) Abort() {
	p.release()
	p.tmp.Close()
	os.Remove(p.tmp.name)
}
