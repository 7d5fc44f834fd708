package main

import (
	"context"
	"os"
)

// commandEnv makes the test binary run as ecs2fargate (see runAsCommand).
const commandEnv = "ECS2FARGATE_TEST_RUN_AS_COMMAND"

// runAsCommand runs the command line the test binary was given as
// ecs2fargate would, and exits, when commandEnv is set; otherwise, when
// measureEnv is set, it measures that command in a child (see
// measureCommand, in the Unix-only memory test) and exits. TestMain calls
// it first, so that a test can run the command in a process of its own
// without building the binary.
func runAsCommand() {
	switch {
	case os.Getenv(commandEnv) == "1":
		os.Exit(run(context.Background(), append([]string{"ecs2fargate"}, os.Args[1:]...), streams{in: os.Stdin, out: os.Stdout, err: os.Stderr}))
	case os.Getenv(measureEnv) == "1":
		os.Exit(measureCommand(os.Args[1:]))
	}
}
