package main

import (
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ecs2fargate/ecs2fargate/internal/terminal"
)

// maxHelpWidth is the width of help that goes to a file or a pipe.
const maxHelpWidth = 100

// helpWidth is the width help is wrapped to: the terminal's (or COLUMNS)
// on a terminal, else at most maxHelpWidth.
func helpWidth(w io.Writer) int {
	width := maxHelpWidth
	if cols := terminal.Width(w, func(string) string { return "" }); cols > 0 {
		width = cols
	}
	if cols, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && cols > 0 && cols < width {
		width = cols
	}
	return max(width, 40)
}

// wrapHelp wraps every line longer than width at spaces. The lines it
// adds are indented to the column the text of the line starts at: after
// a flag's or command's name (the first run of two spaces), else the
// line's own indent.
func wrapHelp(text string, width int) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(text, "\n") {
		body := strings.TrimRight(line, "\n")
		if utf8.RuneCountInString(body) <= width {
			b.WriteString(line)
			continue
		}
		b.WriteString(wrapLine(body, width))
		if strings.HasSuffix(line, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func wrapLine(line string, width int) string {
	indent := len(line) - len(strings.TrimLeft(line, " "))
	rest := line[indent:]
	i := strings.Index(rest, "  ")
	if i <= 0 {
		return fill(line[:indent], strings.Fields(rest), indent, width)
	}
	col := indent + i + len(rest[i:]) - len(strings.TrimLeft(rest[i:], " "))
	if col <= width-30 {
		// The usual case: the text beside the name, continued under itself.
		return fill(line[:col], strings.Fields(line[col:]), col, width)
	}
	// A name too long to leave room beside it: the name on its own line(s),
	// the text under it.
	name := fill(line[:indent], strings.Fields(rest[:i]), indent+4, width)
	return name + "\n" + fill(strings.Repeat(" ", indent+8), strings.Fields(line[col:]), indent+8, width)
}

// fill writes words after head, starting a new line indented by hang
// whenever the next word would pass width.
func fill(head string, words []string, hang, width int) string {
	pad := strings.Repeat(" ", hang)
	var out []string
	cur, curLen := head, utf8.RuneCountInString(head)
	fresh := true // nothing after the head yet
	for _, word := range words {
		n := utf8.RuneCountInString(word)
		if !fresh && curLen+1+n > width {
			out = append(out, cur)
			cur, curLen, fresh = pad, hang, true
		}
		if !fresh {
			cur += " "
			curLen++
		}
		for curLen+n > width && width-curLen > 10 { // a word longer than the line: break it
			cut := width - curLen
			out = append(out, cur+string([]rune(word)[:cut]))
			word = string([]rune(word)[cut:])
			n = utf8.RuneCountInString(word)
			cur, curLen = pad, hang
		}
		cur += word
		curLen += n
		fresh = false
	}
	return strings.Join(append(out, cur), "\n")
}
