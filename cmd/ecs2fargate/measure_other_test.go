//go:build !linux && !darwin

package main

import (
	"fmt"
	"os"
)

// measureEnv is unused here: the memory test runs on Linux and macOS.
const measureEnv = "ECS2FARGATE_TEST_MEASURE"

func measureCommand([]string) int {
	fmt.Fprintln(os.Stderr, "measuring a command needs getrusage(2): Linux and macOS only")
	return 2
}
