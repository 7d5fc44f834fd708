package main

import (
	"fmt"
	"os"

	"github.com/ecs2fargate/ecs2fargate/reports"
)

// reportSpools makes the report's spool files (reports.ReportOutputs.Spool)
// in dir, named by pattern (os.CreateTemp), and removes them all.
type reportSpools struct {
	dir, pattern string
	files        []*os.File
}

// create is a ReportOutputs.Spool.
func (s *reportSpools) create() (reports.Spool, error) {
	f, err := os.CreateTemp(s.dir, s.pattern)
	if err != nil {
		return nil, fmt.Errorf("report spool in %s: %w", s.dir, err)
	}
	s.files = append(s.files, f)
	return f, nil
}

// remove closes and removes every spool made (closed first: Windows
// cannot remove an open file).
func (s *reportSpools) remove() {
	for _, f := range s.files {
		f.Close()
		os.Remove(f.Name())
	}
}
