package terraform

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// The Terraform editor edits byte spans of the files as read: each edit
// replaces the bytes between two offsets of the original file, so that
// every byte outside the edited spans stays as it was (README "Rewriting
// Terraform and CloudFormation in place").

// splice replaces the original bytes [start, end) with text.
type splice struct {
	start, end int
	text       string
}

// editFile is one file being edited: its bytes as read and the splices.
type editFile struct {
	path    string
	src     []byte
	hcl     *hcl.File // nil for a JSON file
	splices []splice
}

// add records a splice.
func (f *editFile) add(start, end int, text string) {
	f.splices = append(f.splices, splice{start: start, end: end, text: text})
}

// result applies the splices. Two splices that overlap are a bug in the
// editor, reported rather than written.
func (f *editFile) result() ([]byte, error) {
	ss := append([]splice(nil), f.splices...)
	sort.SliceStable(ss, func(i, j int) bool {
		if ss[i].start != ss[j].start {
			return ss[i].start < ss[j].start
		}
		return ss[i].end < ss[j].end
	})
	var out bytes.Buffer
	at := 0
	for _, s := range ss {
		if s.start < at {
			return nil, fmt.Errorf("%s: two edits overlap at byte %d", f.path, s.start)
		}
		out.Write(f.src[at:s.start])
		out.WriteString(s.text)
		at = s.end
	}
	out.Write(f.src[at:])
	b := out.Bytes()
	// A file that terraform fmt leaves alone is formatted after the edits,
	// which lines up the = of an inserted attribute with its neighbours as
	// terraform fmt would; any other file keeps its own layout.
	if f.hcl != nil && bytes.Equal(hclwrite.Format(f.src), f.src) {
		b = hclwrite.Format(b)
	}
	return b, nil
}

// lineStart is the offset of the start of the line holding offset i.
func lineStart(src []byte, i int) int {
	for i > 0 && src[i-1] != '\n' {
		i--
	}
	return i
}

// lineEnd is the offset just past the newline ending the line holding i.
func lineEnd(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' {
		i++
	}
	if i < len(src) {
		i++
	}
	return i
}

// indentOf is the whitespace starting the line holding offset i.
func indentOf(src []byte, i int) string {
	s := lineStart(src, i)
	e := s
	for e < len(src) && (src[e] == ' ' || src[e] == '\t') {
		e++
	}
	return string(src[s:e])
}

// onlySpaceBefore reports whether the line holding i has only whitespace
// before i.
func onlySpaceBefore(src []byte, i int) bool {
	return len(bytes.TrimSpace(src[lineStart(src, i):i])) == 0
}

// wholeLines widens [start, end) to whole lines when nothing else shares
// them (only whitespace before, only whitespace, a comma or a comment
// after), so that removing the span leaves no empty line behind.
func wholeLines(src []byte, start, end int) (int, int, bool) {
	if !onlySpaceBefore(src, start) {
		return start, end, false
	}
	le := lineEnd(src, end)
	rest := bytes.TrimSpace(src[end:le])
	rest = bytes.TrimPrefix(rest, []byte(","))
	rest = bytes.TrimSpace(rest)
	if len(rest) > 0 && !bytes.HasPrefix(rest, []byte("#")) && !bytes.HasPrefix(rest, []byte("//")) {
		return start, end, false
	}
	return lineStart(src, start), le, true
}

// blankLineAround widens a removed block's span by the blank line before
// it when a blank line or the end of the enclosing block follows, so that
// two blank lines do not remain.
func blankLineAround(src []byte, start, end int) int {
	if start == 0 || end >= len(src) {
		return start
	}
	prevStart := lineStart(src, start-1)
	if len(bytes.TrimSpace(src[prevStart:start])) != 0 {
		return start
	}
	next := bytes.TrimSpace(src[end:lineEnd(src, end)])
	if len(next) == 0 || bytes.HasPrefix(next, []byte("}")) {
		return prevStart
	}
	return start
}

func offsets(r hcl.Range) (int, int) { return r.Start.Byte, r.End.Byte }

// resourceBlock finds resource "typ" "name" among a file's blocks.
func resourceBlock(f *hcl.File, typ, name string) *hclsyntax.Block {
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return nil
	}
	for _, b := range body.Blocks {
		if b.Type == "resource" && len(b.Labels) == 2 && b.Labels[0] == typ && b.Labels[1] == name {
			return b
		}
	}
	return nil
}
