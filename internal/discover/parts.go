package discover

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/ecs2fargate/ecs2fargate/internal/atomicfile"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// PartDir keeps a sweep's snapshot one account-region per file, each
// written (atomically) as soon as that account-region is read, so that a
// sweep stopped half-way keeps what it finished and a resumed sweep reads
// only the rest. Every file is a complete snapshot (docs/snapshot.md);
// the directory is an input like any other.
//
// A file is ACCOUNT_REGION.json when the account-region was read whole,
// ACCOUNT_REGION.partial.json when something in it could not be read (its
// gaps say what). Resume takes only whole ones younger than MaxAge: a
// partial one is read again (the throttling or the missing permission may
// be gone), as is an old one (the estate has moved on since).
type PartDir struct {
	Dir string
	// Resume takes account-regions already in Dir instead of reading them.
	Resume bool
	// MaxAge is how old (by the file's modification time) a finished
	// account-region may be and still be taken on resume; 0 takes any age.
	MaxAge time.Duration
	// Now is the clock for MaxAge (time.Now when nil).
	Now func() time.Time
}

// Part is one account-region of a sweep into a PartDir.
type Part struct {
	Account, Region string
	// Path is the file holding it (after the sweep: read, or resumed).
	Path string
	// Resumed: taken from an earlier sweep, not read now.
	Resumed bool
	// Gaps counts what could not be read in it.
	Gaps int
}

// partName is the file name of an account-region; "default" stands for
// credentials whose account was not known beforehand.
func partName(account, region string, partial bool) string {
	if account == "" {
		account = "default"
	}
	if partial {
		return account + "_" + region + ".partial.json"
	}
	return account + "_" + region + ".json"
}

// finished returns the path of the account-region's whole part when
// Resume may take it.
func (d *PartDir) finished(account, region string) (string, bool) {
	if !d.Resume {
		return "", false
	}
	path := filepath.Join(d.Dir, partName(account, region, false))
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return "", false
	}
	if d.MaxAge > 0 {
		now := time.Now()
		if d.Now != nil {
			now = d.Now()
		}
		if now.Sub(st.ModTime()) > d.MaxAge {
			return "", false
		}
	}
	return path, true
}

// write stores an account-region just read, replacing whichever of its
// two names an earlier sweep left.
func (d *PartDir) write(account, region string, f *fleet.Fleet) (string, error) {
	if err := os.MkdirAll(d.Dir, 0o755); err != nil {
		return "", err
	}
	partial := len(f.Gaps) > 0
	path := filepath.Join(d.Dir, partName(account, region, partial))
	err := atomicfile.Write(path, 0o644, func(w io.Writer) error {
		return fleet.WriteSnapshot(w, f, fleet.SnapshotMeta{})
	})
	if err != nil {
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	other := filepath.Join(d.Dir, partName(account, region, !partial))
	if err := os.Remove(other); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	return path, nil
}

// Paths lists the files of the parts, in the order given.
func Paths(parts []Part) []string {
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		if p.Path != "" {
			out = append(out, p.Path)
		}
	}
	return out
}

// accountsPart is the file of the accounts that could not be reached at
// all (a role that cannot be assumed): they have no account-region to
// hold their gap, and an audit of the directory must still report them.
const accountsPart = "accounts.partial.json"

// WriteAccountGaps keeps the gaps of accounts that could not be reached in
// their own file of the directory (a snapshot holding only gaps), or
// removes that file when every account was reached. Each sweep lists the
// accounts again, so the file is rewritten every time, resumed or not.
func (d *PartDir) WriteAccountGaps(gaps []fleet.Gap) (string, error) {
	path := filepath.Join(d.Dir, accountsPart)
	if len(gaps) == 0 {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		return "", nil
	}
	if err := os.MkdirAll(d.Dir, 0o755); err != nil {
		return "", err
	}
	err := atomicfile.Write(path, 0o644, func(w io.Writer) error {
		return fleet.WriteSnapshot(w, &fleet.Fleet{Gaps: gaps}, fleet.SnapshotMeta{})
	})
	if err != nil {
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	return path, nil
}
