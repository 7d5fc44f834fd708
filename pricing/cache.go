package pricing

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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

// Save writes the price book to path atomically: a temporary file in the
// same directory, synced, then renamed over the old one, so a failure at
// any point leaves the previous file whole.
func (t *Table) Save(path string) error {
	data, err := t.Marshal()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("creating directory for price book %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".prices-*.json")
	if err != nil {
		return fmt.Errorf("writing price book %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing price book %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing price book %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing price book %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replacing price book %s: %w", path, err)
	}
	t.origin = path
	return nil
}
