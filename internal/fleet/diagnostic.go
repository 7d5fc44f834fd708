package fleet

import "fmt"

// Level says whether a Diagnostic stops the run from being clean.
type Level string

// Diagnostic levels: an error makes the run exit 1 once everything readable
// has been reported; a warning is only shown.
const (
	LevelError   Level = "error"
	LevelWarning Level = "warning"
)

// Diagnostic is a problem with an input: the file, where in it, and what.
type Diagnostic struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Path    string `json:"path,omitempty"`
	Level   Level  `json:"level"`
	Message string `json:"message"`
}

// String renders the diagnostic as file:line:col: level: path: message
// (file:line: when only the line is known, as for YAML syntax errors).
func (d Diagnostic) String() string {
	loc := d.File
	switch {
	case d.Line > 0 && d.Column > 0:
		loc = fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Column)
	case d.Line > 0:
		loc = fmt.Sprintf("%s:%d", d.File, d.Line)
	}
	if d.Path != "" {
		return fmt.Sprintf("%s: %s: %s: %s", loc, d.Level, d.Path, d.Message)
	}
	return fmt.Sprintf("%s: %s: %s", loc, d.Level, d.Message)
}

// HasErrors reports whether any diagnostic is an error.
func HasErrors(diags []Diagnostic) bool {
	for _, d := range diags {
		if d.Level == LevelError {
			return true
		}
	}
	return false
}
