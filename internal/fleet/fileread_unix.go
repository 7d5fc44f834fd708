//go:build unix

package fleet

import (
	"io/fs"
	"syscall"
)

// readInto reads the file at path into buf's room, as os.ReadFile would
// into a new slice, and returns its bytes (in buf's array while they
// fit). It makes the system calls itself, four a file as a rule (open,
// two reads, close), where os.Open and Stat made eight: os.Open also
// asks whether the file is non-blocking and tries to register it with
// the network poller (an fcntl and an epoll_ctl that fails for a regular
// file), and a Stat sized the buffer. Here the buffer reused from the
// last file is most often large enough; only a file that fills it is
// stat'ed, so that a large file gets a buffer of its size, not of the
// next power of two.
func readInto(path string, buf []byte) ([]byte, error) {
	fd, err := openRead(path)
	if err != nil {
		return buf[:0], &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	data := buf[:0]
	if cap(data) < minReadBuffer {
		data = make([]byte, 0, minReadBuffer)
	}
	for {
		if len(data) == cap(data) {
			data = grown(fd, data)
		}
		n, err := syscall.Read(fd, data[len(data):cap(data)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return data[:0], &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
	}
}

// openRead opens path for reading, as os.Open does (close on exec, and
// again when a signal interrupted it).
func openRead(path string) (int, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

// grown returns data, which is full, with room for the rest of the file
// fd (by its size, plus one byte to see its end) or, when that is not
// known or the file grew, the room append gives.
func grown(fd int, data []byte) []byte {
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) == nil && st.Mode&syscall.S_IFMT == syscall.S_IFREG && int(st.Size) >= len(data) {
		bigger := make([]byte, len(data), int(st.Size)+1)
		copy(bigger, data)
		return bigger
	}
	return append(data, 0)[:len(data)]
}
