package reports

import (
	"bufio"
	"io"
)

// mdWriter is what Markdown sections are written to: a strings.Builder
// for a summary whose size is measured before it is written, or an mdOut
// that streams a details document as it is produced (issue 17).
type mdWriter interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// mdOut streams Markdown to a buffered writer. With trim set it holds
// back a run of trailing newlines, so the document ends in exactly one,
// as strings.TrimRight(doc, "\n")+"\n" would have it, without holding
// the document.
type mdOut struct {
	w        *bufio.Writer
	trim     bool
	newlines int // held back
}

func newMDOut(w io.Writer, trim bool) *mdOut {
	return &mdOut{w: bufio.NewWriterSize(w, 64<<10), trim: trim}
}

func (m *mdOut) WriteString(s string) (int, error) {
	if !m.trim {
		return m.w.WriteString(s)
	}
	body := len(s)
	for body > 0 && s[body-1] == '\n' {
		body--
	}
	if body > 0 {
		m.release()
		m.w.WriteString(s[:body])
	}
	m.newlines += len(s) - body
	return len(s), nil
}

func (m *mdOut) Write(p []byte) (int, error) { return m.WriteString(string(p)) }

func (m *mdOut) WriteByte(c byte) error {
	_, err := m.WriteString(string(c))
	return err
}

// release writes the newlines held back: text follows them.
func (m *mdOut) release() {
	for ; m.newlines > 0; m.newlines-- {
		m.w.WriteByte('\n')
	}
}

// close ends the document (with one newline when trimming) and flushes.
func (m *mdOut) close() error {
	if m.trim {
		m.newlines = 0
		m.w.WriteByte('\n')
	}
	return m.w.Flush()
}
