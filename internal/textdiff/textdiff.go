// Package textdiff prints a unified diff of two texts, line by line. It
// uses the longest common subsequence of lines (quadratic in the length of
// the changed middle, which is fine for task definitions and golden files)
// and needs no dependency.
package textdiff

import (
	"fmt"
	"strings"
)

// context is how many unchanged lines surround each hunk, as in diff -u.
const context = 3

// Unified returns the diff of a and b under the given file names; "" when
// they are equal.
func Unified(nameA, nameB, a, b string) string {
	if a == b {
		return ""
	}
	x, y := lines(a), lines(b)
	ops := script(x, y)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", nameA, nameB)
	for _, h := range hunks(ops) {
		writeHunk(&out, ops[h[0]:h[1]])
	}
	return out.String()
}

func lines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// line is one line of the edit script: ' ', '-' or '+', with its
// 1-based numbers in a and b.
type line struct {
	kind   byte
	text   string
	ai, bi int
}

// script computes the edit script. Lines the texts share at the start and
// the end are unchanged as they stand; only the middle needs the quadratic
// LCS table, so a one-line change in a 25,000-line golden file stays cheap.
func script(x, y []string) []line {
	pre := 0
	for pre < len(x) && pre < len(y) && x[pre] == y[pre] {
		pre++
	}
	suf := 0
	for suf < len(x)-pre && suf < len(y)-pre && x[len(x)-1-suf] == y[len(y)-1-suf] {
		suf++
	}
	ops := make([]line, 0, len(x)+len(y)-pre-suf)
	for i := range pre {
		ops = append(ops, line{' ', x[i], i + 1, i + 1})
	}
	ops = middle(ops, x[pre:len(x)-suf], y[pre:len(y)-suf], pre)
	for k := suf; k > 0; k-- {
		i, j := len(x)-k, len(y)-k
		ops = append(ops, line{' ', x[i], i + 1, j + 1})
	}
	return ops
}

// maxTable bounds the LCS table (cells of 4 bytes). Past it, the middle is
// shown as all its old lines removed and all its new ones added: still a
// correct diff, only not the shortest.
const maxTable = 1 << 22

// middle appends to ops the edit script of x and y, which start after off
// lines the texts share, from their LCS table.
func middle(ops []line, x, y []string, off int) []line {
	n, m := len(x), len(y)
	if n*m > maxTable {
		for i := range x {
			ops = append(ops, line{'-', x[i], off + i + 1, off})
		}
		for j := range y {
			ops = append(ops, line{'+', y[j], off + n, off + j + 1})
		}
		return ops
	}
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && x[i] == y[j]:
			ops = append(ops, line{' ', x[i], off + i + 1, off + j + 1})
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, line{'-', x[i], off + i + 1, off + j})
			i++
		default:
			ops = append(ops, line{'+', y[j], off + i, off + j + 1})
			j++
		}
	}
	return ops
}

// hunks groups changed lines with their context into [start, end) ranges
// of ops; ranges closer than twice the context merge.
func hunks(ops []line) [][2]int {
	var out [][2]int
	for i := 0; i < len(ops); i++ {
		if ops[i].kind == ' ' {
			continue
		}
		start, end := max(0, i-context), min(len(ops), i+1+context)
		if n := len(out); n > 0 && start <= out[n-1][1] {
			out[n-1][1] = end
		} else {
			out = append(out, [2]int{start, end})
		}
	}
	return out
}

func writeHunk(w *strings.Builder, ops []line) {
	var aStart, bStart, aLen, bLen int
	for _, o := range ops {
		if o.kind != '+' {
			if aLen == 0 {
				aStart = o.ai
			}
			aLen++
		}
		if o.kind != '-' {
			if bLen == 0 {
				bStart = o.bi
			}
			bLen++
		}
	}
	if aLen == 0 {
		aStart = ops[0].ai
	}
	if bLen == 0 {
		bStart = ops[0].bi
	}
	fmt.Fprintf(w, "@@ -%s +%s @@\n", rangeText(aStart, aLen), rangeText(bStart, bLen))
	for _, o := range ops {
		w.WriteByte(o.kind)
		w.WriteString(o.text)
		w.WriteByte('\n')
	}
}

func rangeText(start, n int) string {
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}
