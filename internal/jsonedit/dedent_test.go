package jsonedit

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"
)

// dedentBySplitting is Dedent as first written: split into lines, trim,
// join.
func dedentBySplitting(d []byte) []byte {
	last := bytes.LastIndexByte(d, '\n')
	if last < 0 {
		return d
	}
	ind := leading(d[last+1:])
	if ind == "" || string(bytes.TrimSpace(d[last+1:])) != "}" {
		return d
	}
	lines := bytes.Split(d, []byte("\n"))
	for _, l := range lines[1:] {
		if len(bytes.TrimSpace(l)) > 0 && !bytes.HasPrefix(l, []byte(ind)) {
			return d
		}
	}
	for i := 1; i < len(lines); i++ {
		lines[i] = bytes.TrimPrefix(lines[i], []byte(ind))
	}
	return bytes.Join(lines, []byte("\n"))
}

// TestDedentLineByLine: Dedent and DedentInPlace give what splitting into
// lines gave, on random indented documents with blank, ragged and short
// lines.
func TestDedentLineByLine(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	pieces := []string{"{", "}", `"a": 1,`, "", " ", "\t", "\r", `  "b": [`, "]"}
	for i := 0; i < 3000; i++ {
		ind := []string{"  ", "    ", "\t", " "}[r.Intn(4)]
		var lines []string
		for j := r.Intn(6); j >= 0; j-- {
			pad := ind
			if r.Intn(8) == 0 {
				pad = pad[:r.Intn(len(pad)+1)]
			}
			lines = append(lines, pad+pieces[r.Intn(len(pieces))])
		}
		d := []byte(pieces[r.Intn(len(pieces))] + "\n" + strings.Join(lines, "\n") + "\n" + ind + "}")
		want := dedentBySplitting(bytes.Clone(d))
		if got := Dedent(bytes.Clone(d)); !bytes.Equal(got, want) {
			t.Fatalf("Dedent(%q) = %q, want %q", d, got, want)
		}
		// In place: the same bytes, written at the start of the input's own.
		own := bytes.Clone(d)
		if got := DedentInPlace(own); !bytes.Equal(got, want) || len(got) > 0 && &got[0] != &own[0] {
			t.Fatalf("DedentInPlace(%q) = %q, want %q in the input's bytes", d, got, want)
		}
	}
}
