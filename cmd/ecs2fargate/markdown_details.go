package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/internal/atomicfile"
)

// detailsFileFlag is --details-file: the Markdown format writes a summary
// that fits one pull-request comment, and the details to this file.
func detailsFileFlag() cli.Flag {
	return &cli.StringFlag{Name: "details-file", Usage: "with --format markdown: also write every service, finding and unchecked rule to `FILE`, which the summary links to (by the path as given: put it beside the summary)"}
}

// detailsFile reads --details-file; it only goes with the Markdown format.
func detailsFile(c *cli.Context) (string, error) {
	f := c.String("details-file")
	if f != "" && c.String("format") != "markdown" {
		return "", usagef("--details-file goes with --format markdown, not %s", c.String("format"))
	}
	return f, nil
}

// writeDetailsFile writes the Markdown details atomically.
func writeDetailsFile(path string, render func(io.Writer) error) error {
	if err := atomicfile.Write(path, 0o644, render); err != nil {
		return fmt.Errorf("writing Markdown details %s: %w", path, err)
	}
	return nil
}

// detailsLink is how the summary links to the details file.
func detailsLink(path string) string { return filepath.ToSlash(path) }
