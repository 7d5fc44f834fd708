package reports

import (
	"io"
	"strings"
	"unicode/utf8"
)

// box is a table drawn with box-drawing borders. Its cells may hold
// several lines. Drawn at a width, every line of it fits that width:
// columns are narrowed widest first, cells wrapped at spaces, and a word
// wider than its column cut short with an ellipsis (the JSON format has
// every value whole).
type box struct {
	header []string
	rows   [][]string
	// right aligns a column's cells to the right (counts).
	right []bool
	// flex marks the columns of free text, narrowed (down to
	// boxFlexColumn) before any other; nil marks the last column.
	flex []bool
	// paint colours a cell's text by its column and row (-1 for the
	// header); nil paints nothing. It never changes the text's width.
	paint func(row, col int, text string) string
}

// boxMinColumn is the narrowest a column is made before every column is
// at it; below it, words lose too much to an ellipsis. boxFlexColumn is
// the narrowest a free-text column is made before the others (names and
// rule IDs, cut short only as a last resort) are touched.
const (
	boxMinColumn  = 6
	boxFlexColumn = 20
)

// render writes the table fitted to width columns; width 0 draws every
// cell as it is.
func (b box) render(w io.Writer, width int) error {
	widths := b.naturalWidths()
	if width > 0 {
		widths = fitWidths(widths, b.floors(widths), width-1-3*len(widths))
	}
	var sb strings.Builder
	b.rule(&sb, widths, "┌", "┬", "┐")
	b.line(&sb, widths, -1, b.header)
	b.rule(&sb, widths, "├", "┼", "┤")
	for i, r := range b.rows {
		b.line(&sb, widths, i, r)
	}
	b.rule(&sb, widths, "└", "┴", "┘")
	_, err := io.WriteString(w, sb.String())
	return err
}

func (b box) naturalWidths() []int {
	out := make([]int, len(b.header))
	for i, h := range b.header {
		out[i] = displayWidth(h)
		for _, r := range b.rows {
			out[i] = max(out[i], displayWidth(r[i]))
		}
	}
	return out
}

// floors are the stages fitWidths narrows the columns through: the
// free-text columns to boxFlexColumn first, then every column to its
// header's width or boxMinColumn, then every column to one.
func (b box) floors(widths []int) [][]int {
	flex, all := make([]int, len(widths)), make([]int, len(widths))
	for i, wd := range widths {
		all[i] = min(wd, max(displayWidth(b.header[i]), boxMinColumn))
		flex[i] = wd
		if b.flex == nil && i == len(widths)-1 || b.flex != nil && b.flex[i] {
			flex[i] = min(wd, max(all[i], boxFlexColumn))
		}
	}
	return [][]int{flex, all, ones(len(widths))}
}

// fitWidths narrows the widest column one step at a time until the
// columns sum to at most avail, through each stage of floors in turn.
func fitWidths(widths []int, floors [][]int, avail int) []int {
	out := append([]int(nil), widths...)
	for _, stage := range floors {
		for sum(out) > avail {
			widest := -1
			for i := range out {
				if out[i] > stage[i] && (widest < 0 || out[i] > out[widest]) {
					widest = i
				}
			}
			if widest < 0 {
				break
			}
			out[widest]--
		}
	}
	return out
}

func ones(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = 1
	}
	return out
}

func sum(ns []int) int {
	t := 0
	for _, n := range ns {
		t += n
	}
	return t
}

func (b box) rule(sb *strings.Builder, widths []int, left, mid, right string) {
	sb.WriteString(left)
	for i, wd := range widths {
		if i > 0 {
			sb.WriteString(mid)
		}
		sb.WriteString(strings.Repeat("─", wd+2))
	}
	sb.WriteString(right + "\n")
}

// line writes one row, as many text lines as its tallest cell.
func (b box) line(sb *strings.Builder, widths []int, row int, cells []string) {
	fitted := make([][]string, len(cells))
	height := 1
	for i, c := range cells {
		fitted[i] = fitCell(c, widths[i], b.isFlex(i, len(cells)))
		height = max(height, len(fitted[i]))
	}
	for l := 0; l < height; l++ {
		sb.WriteString("│")
		for i, wd := range widths {
			text := ""
			if l < len(fitted[i]) {
				text = fitted[i][l]
			}
			pad := strings.Repeat(" ", wd-utf8.RuneCountInString(text))
			if b.paint != nil && text != "" {
				text = b.paint(row, i, text)
			}
			if b.right != nil && b.right[i] && row >= 0 {
				text = pad + text
			} else {
				text += pad
			}
			sb.WriteString(" " + text + " │")
		}
		sb.WriteString("\n")
	}
}

func (b box) isFlex(col, cols int) bool {
	if b.flex == nil {
		return col == cols-1
	}
	return b.flex[col]
}

// fitCell breaks a cell into lines no wider than width: each of its own
// lines wrapped at spaces; a word wider than the column is broken over
// lines in free text (flex), else cut short with an ellipsis.
func fitCell(cell string, width int, flex bool) []string {
	var out []string
	for _, line := range strings.Split(cell, "\n") {
		if utf8.RuneCountInString(line) <= width {
			out = append(out, line)
			continue
		}
		cur := ""
		for _, word := range strings.Fields(line) {
			if !flex {
				word = ellipsis(word, width)
			}
			for r := []rune(word); len(r) > width && width > 0; r = []rune(word) {
				if cur != "" {
					out = append(out, cur)
				}
				cur, word = string(r[:width]), string(r[width:])
			}
			switch {
			case cur == "":
				cur = word
			case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(word) <= width:
				cur += " " + word
			default:
				out = append(out, cur)
				cur = word
			}
		}
		out = append(out, cur)
	}
	return out
}

// ellipsis cuts s to width characters, the last an ellipsis, when it is
// wider.
func ellipsis(s string, width int) string {
	r := []rune(s)
	if len(r) <= width {
		return s
	}
	if width < 1 {
		return ""
	}
	return string(r[:width-1]) + "…"
}
