//go:build !unix

package fleet

import (
	"io"
	"os"
)

// readInto reads the file at path into buf's room, as os.ReadFile would
// into a new slice, and returns its bytes (in buf's array while they
// fit). fileread_unix.go says why Unix systems make the system calls
// themselves.
func readInto(path string, buf []byte) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return buf[:0], err
	}
	defer f.Close()
	size := minReadBuffer
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		size = max(size, int(info.Size())+1) // +1: room to see the end of the file
	}
	if cap(buf) < size {
		buf = make([]byte, 0, size)
	}
	data := buf[:0]
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err != nil {
			if err == io.EOF {
				return data, nil
			}
			return data[:0], err
		}
		if len(data) == cap(data) { // the file grew since Stat
			data = append(data, 0)[:len(data)]
		}
	}
}
