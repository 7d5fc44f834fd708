package jsonstream

import "io"

// NewElements returns a Writer of the elements of an array open at depth
// (the array and the containers around it: 2 for a member of the
// top-level object), written to w apart from the rest of the document:
// each Value is one element, separated and indented as the Writer that
// opened the array would write it. A document whose members before the
// array are only known once its elements are written (the report's
// summary counts what the services' rows hold, issue 17) writes the
// elements to a spool with it, then the document with Splice. Only
// Value, Flush and Err may be called on it.
func NewElements(w io.Writer, indent string, depth int) *Writer {
	s := New(w, indent)
	s.open = make([]bool, depth)
	return s
}

// Flush writes what is buffered to the underlying writer, without ending
// the document as Close does.
func (s *Writer) Flush() error {
	if s.err != nil {
		return s.err
	}
	if err := s.w.Flush(); err != nil {
		s.err = err
	}
	return s.err
}

// Splice copies elements that a NewElements writer of this array's depth
// wrote into the array s has open, as if s had written them; n is how
// many there are (none: nothing is read). Elements may be spliced after
// others, and values written after them.
func (s *Writer) Splice(r io.Reader, n int) {
	if s.err != nil || n == 0 {
		return
	}
	last := len(s.open) - 1
	if s.open[last] {
		s.w.WriteByte(',')
	}
	s.open[last] = true
	if _, err := io.Copy(s.w, r); err != nil {
		s.err = err
	}
}

// NewValue returns a Writer of one member's value in an object open at
// depth (1 for a member of the top-level object), written to w apart from
// the rest of the document, as the Writer that wrote its Key would write
// it: a document whose large member is made before the members that
// precede it (the report's JSON embeds the audit document, written before
// the report's rows) spools it with NewValue, then copies it in with
// SpliceValue. Flush it; Close would add a newline.
func NewValue(w io.Writer, indent string, depth int) *Writer {
	s := NewElements(w, indent, depth)
	s.afterKey = true
	return s
}

// SpliceValue copies, as the value of the Key just written, a value that
// a NewValue writer of the depth of s's innermost open object wrote.
func (s *Writer) SpliceValue(r io.Reader) {
	if s.err != nil {
		return
	}
	s.separate()
	if _, err := io.Copy(s.w, r); err != nil {
		s.err = err
	}
}
