// Windows only, on purpose (the _windows suffix): the console's ANSI mode is
// a Windows API (golang.org/x/sys/windows). ansi_other.go (//go:build
// !windows) is its pair for every other system; .ci/run vets and builds
// windows/amd64 so the two cannot drift apart.

package terminal

import (
	"os"

	"golang.org/x/sys/windows"
)

// enableANSI turns on the console's handling of ANSI escape sequences
// (ENABLE_VIRTUAL_TERMINAL_PROCESSING, Windows 10 1511 and later). Where
// the console refuses, the progress is printed as plain lines instead of
// showing the escape sequences as text.
// https://learn.microsoft.com/en-us/windows/console/console-virtual-terminal-sequences
func enableANSI(f *os.File) bool {
	h := windows.Handle(f.Fd())
	var mode uint32
	if windows.GetConsoleMode(h, &mode) != nil {
		return false
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	return windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}
