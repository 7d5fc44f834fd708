package pricing

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ecs2fargate/ecs2fargate/internal/atomicfile"
)

// CachePath is where `pricing update` keeps the refreshed price book: the
// user cache directory (XDG_CACHE_HOME on Linux), ecs2fargate/prices.json.
func CachePath() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("finding the user cache directory: %w", err)
	}
	return filepath.Join(dir, "ecs2fargate", "prices.json"), nil
}

// LoadFile reads a price book file (the cache or a --price-file).
func LoadFile(path string) (*Table, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading price book %s: %w", path, err)
	}
	return ParseTable(data, path)
}

// LoadCache reads the cached price book; ok is false when there is none.
func LoadCache() (t *Table, ok bool, err error) {
	path, err := CachePath()
	if err != nil {
		return nil, false, err
	}
	t, err = LoadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return t, true, nil
}

// Save writes the price book to path atomically (internal/atomicfile: a
// temporary file in the same directory, synced, then renamed over the old
// one), so a failure at any point leaves the previous file whole.
func (t *Table) Save(path string) error {
	data, err := t.Marshal()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("creating directory for price book %s: %w", path, err)
	}
	err = atomicfile.Write(path, 0o644, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return fmt.Errorf("saving price book: %w", err)
	}
	t.origin = path
	return nil
}
