package reports

import "github.com/ecs2fargate/ecs2fargate/analyzer"

// ANSI colours of the verdicts and severities on a terminal (Screen.Colour);
// one table so every screen colours a word the same way.
var wordColours = map[string]string{
	analyzer.Ready:   "32", // green
	analyzer.Fixed:   "33", // yellow: "fixable", a verdict and a severity
	analyzer.Blocked: "1;31",
	analyzer.Unknown: "35", // magenta
	"blocker":        "1;31",
	"warning":        "35",
	"info":           "36", // cyan
}

// paintWord colours text by the verdict or severity word it is or stands
// for (key); text is returned as it is when colour is off or the word has
// no colour.
func paintWord(on bool, key, text string) string {
	code, ok := wordColours[key]
	if !on || !ok {
		return text
	}
	return "\033[" + code + "m" + text + "\033[0m"
}

// paintColumns is a box's paint function that colours, in the given
// columns, each cell by its own text (a verdict or severity word); nil
// when colour is off.
func paintColumns(on bool, cols ...int) func(row, col int, text string) string {
	if !on {
		return nil
	}
	return func(row, col int, text string) string {
		for _, c := range cols {
			if c == col && row >= 0 {
				return paintWord(true, text, text)
			}
		}
		return text
	}
}
