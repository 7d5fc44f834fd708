// Linux only, on purpose (the _linux suffix): syncfs(2) is a Linux system
// call. sync_other.go (//go:build !linux) is its pair for every other
// system (fsync of each file and directory); .ci/run vets and builds
// darwin/arm64 and windows/amd64 so the two cannot drift apart.

package atomicfile

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// Sync makes everything written under dir durable: file contents, the
// renames and the directories. On Linux that is one syncfs(2) of the
// file system holding dir (https://man7.org/linux/man-pages/man2/syncfs.2.html),
// one system call however many files were written.
func Sync(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("syncing %s: %w", dir, err)
	}
	defer d.Close()
	if err := unix.Syncfs(int(d.Fd())); err != nil {
		return fmt.Errorf("syncing %s: %w", dir, err)
	}
	return nil
}
