//go:build !windows

package main

import "os"

// enableANSI: Unix terminals interpret ANSI escape sequences as they are.
func enableANSI(*os.File) bool { return true }
