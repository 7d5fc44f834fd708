package analyzer

import (
	"fmt"
	"strings"
)

// Severity orders findings: Info < Warning < Fixable < Blocker.
type Severity int

// The severities. The zero value means "the rule's own severity" in a
// Finding returned by a check.
const (
	Info Severity = iota + 1
	Warning
	Fixable
	Blocker
)

var severityNames = map[Severity]string{Info: "info", Warning: "warning", Fixable: "fixable", Blocker: "blocker"}

// String returns the lower-case name, "unknown" for an unset value.
func (s Severity) String() string {
	if n, ok := severityNames[s]; ok {
		return n
	}
	return "unknown"
}

// MarshalText writes the name, so JSON carries "blocker" rather than 4.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a name written by MarshalText.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// ParseSeverity reads a severity name, case-insensitively.
func ParseSeverity(name string) (Severity, error) {
	for s, n := range severityNames {
		if strings.EqualFold(n, name) {
			return s, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want blocker, fixable, warning or info)", name)
}
