//go:build !linux

package atomicfile

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// Sync makes everything written under dir durable: each file, then each
// directory (for the renames), deepest first. Without Linux's syncfs(2)
// there is no single call for a whole tree.
func Sync(dir string) error {
	var dirs []string
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			dirs = append(dirs, path)
			return nil
		}
		return syncFile(path)
	})
	if err != nil {
		return fmt.Errorf("syncing %s: %w", dir, err)
	}
	if runtime.GOOS == "windows" {
		return nil // directories cannot be opened for syncing there; NTFS journals renames
	}
	for i := len(dirs) - 1; i >= 0; i-- {
		if err := syncDir(dirs[i]); err != nil {
			return fmt.Errorf("syncing %s: %w", dirs[i], err)
		}
	}
	return nil
}

// syncFile opens the file for writing: Windows' FlushFileBuffers needs
// write access.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

func syncDir(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
