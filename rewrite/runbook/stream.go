package runbook

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// Stream plans the move one result at a time, for a rewrite that writes
// each result as it is produced (rewrite --out, issue 17): each service's
// section of RUNBOOK.md and runbook.sh is written at once to a spool file,
// and only what the groups' headings need (their placeholders,
// preconditions and the files the steps read: names, not documents) is
// kept. Markdown and Shell then write the two files from the spools, in
// the order and with the bytes Markdown and Shell give for Build's plan.
// Feed it every task definition before the services that run it.
type Stream struct {
	b               *builder
	md, sh          *spool
	sections        map[[2]string][]section // per group, in input order
	moving, staying int
	planned         *Plan // the groups' headings, made once all is fed
}

// section is where one service's text lies in the spools.
type section struct{ md, sh extent }

type extent struct{ off, n int64 }

// stepMark stands for a step's number in a spooled runbook.sh section
// until its group's preconditions, numbered before it, are known: the
// begin mark takes the next number, the finish mark repeats it. No line of
// runbook.sh holds a NUL byte (bash cannot read one).
const (
	beginMark  = "\x00b"
	finishMark = "\x00f"
)

// NewStream starts a plan; its spools are temporary files in dir, removed
// by Close.
func NewStream(f *fleet.Fleet, spot bool, dir string) (*Stream, error) {
	md, err := newSpool(dir, ".RUNBOOK.md.spool-*")
	if err != nil {
		return nil, err
	}
	sh, err := newSpool(dir, ".runbook.sh.spool-*")
	if err != nil {
		md.close()
		return nil, err
	}
	return &Stream{b: newBuilder(f, spot, false), md: md, sh: sh, sections: map[[2]string][]section{}}, nil
}

// TaskDefinition records a rewritten task definition (its Output set) for
// the services that run it.
func (st *Stream) TaskDefinition(t *rewrite.Result) { st.b.taskDefinition(t) }

// Service plans one service (its Outputs set) and spools its sections.
func (st *Stream) Service(s *rewrite.ServiceResult) error {
	sp := st.b.service(s)
	if sp.How == "" {
		st.staying++
	} else {
		st.moving++
	}
	var sec section
	sec.md = st.md.add(func(w io.Writer) { markdownService(w, sp) })
	sec.sh = st.sh.add(func(w io.Writer) {
		shellService(w, sp, func() (string, string) { return beginMark, finishMark })
	})
	k := [2]string{s.Account, s.Region}
	st.sections[k] = append(st.sections[k], sec)
	return firstError(st.md.err, st.sh.err)
}

// plan makes the groups' headings once (making them twice would not plan
// an account's IAM preconditions again).
func (st *Stream) plan() *Plan {
	if st.planned == nil {
		st.planned = st.b.plan()
	}
	return st.planned
}

// Markdown writes RUNBOOK.md.
func (st *Stream) Markdown(w io.Writer) error {
	p := st.plan()
	bw := bufio.NewWriter(w)
	markdownHead(bw, st.moving, st.staying)
	for _, g := range p.Groups {
		markdownGroupHead(bw, g)
		for _, sec := range st.sections[[2]string{g.Account, g.Region}] {
			if err := st.md.copy(bw, sec.md, nil); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}

// Shell writes runbook.sh.
func (st *Stream) Shell(w io.Writer) error {
	p := st.plan()
	bw := bufio.NewWriter(w)
	shellHead(bw, p.accounts(), p.Files)
	n := 0
	var out []byte
	number := func(b []byte) []byte { // a section with its marks replaced
		out = out[:0]
		for {
			i := bytes.IndexByte(b, 0)
			if i < 0 || i+1 >= len(b) {
				return append(out, b...)
			}
			out = append(out, b[:i]...)
			switch string(b[i : i+2]) {
			case beginMark:
				n++
				out = strconv.AppendInt(out, int64(n), 10)
			case finishMark:
				out = strconv.AppendInt(out, int64(n), 10)
			default:
				out = append(out, b[i:i+2]...)
			}
			b = b[i+2:]
		}
	}
	for _, g := range p.Groups {
		shellGroupHead(bw, g, &n)
		for _, sec := range st.sections[[2]string{g.Account, g.Region}] {
			if err := st.sh.copy(bw, sec.sh, number); err != nil {
				return err
			}
		}
	}
	shellTail(bw)
	return bw.Flush()
}

// Close removes the spools.
func (st *Stream) Close() error { return firstError(st.md.close(), st.sh.close()) }

func firstError(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// spool is a temporary file written once, front to back, then read in
// pieces.
type spool struct {
	f   *os.File
	w   *bufio.Writer
	off int64
	err error
	buf []byte // the section being copied
}

func newSpool(dir, pattern string) (*spool, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, fmt.Errorf("runbook spool: %w", err)
	}
	return &spool{f: f, w: bufio.NewWriterSize(f, 64<<10)}, nil
}

// add appends what write writes and returns where it lies.
func (s *spool) add(write func(io.Writer)) extent {
	c := &counter{w: s.w}
	write(c)
	e := extent{s.off, c.n}
	s.off += c.n
	if c.err != nil && s.err == nil {
		s.err = fmt.Errorf("runbook spool %s: %w", s.f.Name(), c.err)
	}
	return e
}

// copy writes the extent e to w, through edit when it is not nil.
func (s *spool) copy(w io.Writer, e extent, edit func([]byte) []byte) error {
	if s.err != nil {
		return s.err
	}
	if s.w.Buffered() > 0 {
		if err := s.w.Flush(); err != nil {
			s.err = fmt.Errorf("runbook spool %s: %w", s.f.Name(), err)
			return s.err
		}
	}
	if int64(cap(s.buf)) < e.n {
		s.buf = make([]byte, e.n)
	}
	b := s.buf[:e.n]
	if _, err := s.f.ReadAt(b, e.off); err != nil {
		return fmt.Errorf("runbook spool %s: %w", s.f.Name(), err)
	}
	if edit != nil {
		b = edit(b)
	}
	_, err := w.Write(b)
	return err
}

func (s *spool) close() error {
	s.f.Close()
	return os.Remove(s.f.Name())
}

// counter counts what passes through to w.
type counter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}
