//go:build !windows

package terminal

import "os"

// enableANSI: Unix terminals interpret ANSI escape sequences as they are.
func enableANSI(*os.File) bool { return true }
