package fleetgen

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/ecs2fargate/ecs2fargate/internal/atomicfile"
)

// writers is how many files Write writes at once: each atomic write waits
// for an fsync, so a few in flight hide most of the disk's latency.
const writers = 16

// Write generates the fleet opts describes into dir, each file written
// atomically. It returns the number of files written.
func Write(ctx context.Context, dir string, opts Options) (int, error) {
	files, err := Generate(opts)
	if err != nil {
		return 0, err
	}
	if err := makeDirs(dir, files); err != nil {
		return 0, err
	}
	jobs := make(chan File)
	errs := make([]error, writers)
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				if errs[w] == nil {
					errs[w] = writeFile(filepath.Join(dir, filepath.FromSlash(f.Name)), f.Data)
				}
			}
		}()
	}
	err = feed(ctx, jobs, files)
	wg.Wait()
	for _, e := range errs {
		if e != nil {
			return 0, e
		}
	}
	return len(files), err
}

// feed hands the files to the writers until done or cancelled.
func feed(ctx context.Context, jobs chan<- File, files []File) error {
	defer close(jobs)
	for _, f := range files {
		select {
		case jobs <- f:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// makeDirs creates every directory the files go into, once each.
func makeDirs(dir string, files []File) error {
	made := map[string]bool{}
	for _, f := range files {
		d := filepath.Dir(filepath.Join(dir, filepath.FromSlash(f.Name)))
		if made[d] {
			continue
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("creating directory %s: %w", d, err)
		}
		made[d] = true
	}
	return nil
}

func writeFile(path string, data []byte) error {
	return atomicfile.Write(path, 0o644, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteTemp generates the fleet into dir without the fsync and rename of an
// atomic write: for throwaway directories of tests and benchmarks, where a
// 10,000-service fleet would otherwise spend most of its time in fsync.
func WriteTemp(dir string, opts Options) error {
	files, err := Generate(opts)
	if err != nil {
		return err
	}
	if err := makeDirs(dir, files); err != nil {
		return err
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(f.Name)), f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
