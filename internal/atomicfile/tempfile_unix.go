//go:build unix

package atomicfile

import (
	"io/fs"
	"syscall"
)

// tempFile is the temporary file a Pending writes, held as a bare file
// descriptor: an *os.File costs, per file, an attempt to register the file
// with the runtime's poller (which fails for a regular file), a finalizer,
// and for a name of os.CreateTemp's a random suffix; rewrite --out creates
// 19,000 of them for 10,000 services (issue 17).
type tempFile struct {
	name string
	fd   int
}

// openExclusive creates name, which must not exist, for writing with the
// mode perm (less the umask: Commit sets perm itself when the umask takes
// bits away).
func openExclusive(name string, perm fs.FileMode) (*tempFile, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, uint32(perm.Perm()))
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return &tempFile{name: name, fd: fd}, nil
	}
}

// Write writes all of b (one write system call for what the kernel takes
// whole).
func (t *tempFile) Write(b []byte) (int, error) {
	n := 0
	for n < len(b) {
		m, err := syscall.Write(t.fd, b[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return n, &fs.PathError{Op: "write", Path: t.name, Err: err}
		}
		if m == 0 {
			return n, &fs.PathError{Op: "write", Path: t.name, Err: syscall.EIO}
		}
		n += m
	}
	return n, nil
}

// setMode gives the file exactly perm, which the umask may have narrowed
// when it was created; nothing to do (no system call) when it did not.
func (t *tempFile) setMode(perm fs.FileMode) error {
	if mask, ok := processUmask(); ok && perm.Perm()&mask == 0 {
		return nil
	}
	return t.wrap("chmod", ignoringEINTR(func() error { return syscall.Fchmod(t.fd, uint32(perm.Perm())) }))
}

func (t *tempFile) Sync() error {
	return t.wrap("sync", ignoringEINTR(func() error { return syscall.Fsync(t.fd) }))
}

// Close closes the descriptor, once (Abort after a failed Commit calls it
// again).
func (t *tempFile) Close() error {
	if t.fd < 0 {
		return nil
	}
	err := syscall.Close(t.fd)
	t.fd = -1
	return t.wrap("close", err)
}

func (t *tempFile) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return &fs.PathError{Op: op, Path: t.name, Err: err}
}

func ignoringEINTR(call func() error) error {
	for {
		if err := call(); err != syscall.EINTR {
			return err
		}
	}
}
