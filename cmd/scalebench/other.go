//go:build !linux && !darwin

// Command scalebench needs getrusage(2) of its children (see main.go).
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "scalebench: runs on Linux and macOS only (it reads its children's getrusage(2))")
	os.Exit(2)
}
