package main

import "errors"

// Exit codes, the only place they are defined.
const (
	exitOK       = 0 // clean
	exitError    = 1 // an error: bad flags, unreadable or malformed input
	exitFindings = 2 // findings at or above --fail-on
	exitPartial  = 3 // some sources could not be read (live discovery)
)

// codeError carries an exit code for a run that produced its output but
// must not report success.
type codeError struct {
	code int
	msg  string
}

func (e codeError) Error() string { return e.msg }

// exitCode maps what a command returned to the process exit code.
func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var ce codeError
	if errors.As(err, &ce) {
		return ce.code
	}
	return exitError
}
