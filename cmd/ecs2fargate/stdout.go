package main

import (
	"bufio"
	"fmt"
	"io"
)

// stdoutBufferSize is the buffer in front of standard output. A report of
// 10,000 services was four million write system calls unbuffered (issue
// 17); at 256 KiB a 142 MB JSON document is about 550.
const stdoutBufferSize = 256 << 10

// bufferedOut is standard output behind one buffer, flushed when the
// command ends (run) or before anything is written to standard error
// (orderedErr), so a terminal still shows both in the order written.
type bufferedOut struct {
	*bufio.Writer
	under io.Writer
}

// Unwrap is the stream under the buffer: internal/terminal asks it
// whether output goes to a terminal and how wide it is.
func (b *bufferedOut) Unwrap() io.Writer { return b.under }

// buffered puts a buffer in front of s.out and makes s.err flush it
// before each write; flush writes what is left and reports a write
// error (a full disk, a closed pipe) that the buffer held back.
func buffered(s streams) (streams, func() error) {
	out := &bufferedOut{Writer: bufio.NewWriterSize(s.out, stdoutBufferSize), under: s.out}
	s.out, s.err = out, orderedErr{err: s.err, out: out}
	return s, func() error {
		if err := out.Flush(); err != nil {
			return fmt.Errorf("writing standard output: %w", err)
		}
		return nil
	}
}

// orderedErr is standard error that first flushes standard output, so
// a warning printed after a table appears after it. Nothing is written to
// standard error per row, so this costs a flush of an empty buffer at most.
type orderedErr struct {
	err io.Writer
	out *bufferedOut
}

func (o orderedErr) Write(p []byte) (int, error) {
	o.out.Flush() // an error here is kept by the buffer and reported at the end
	return o.err.Write(p)
}

// Unwrap is standard error itself, for the progress line's terminal test.
func (o orderedErr) Unwrap() io.Writer { return o.err }
