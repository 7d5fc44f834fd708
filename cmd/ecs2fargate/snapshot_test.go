package main

import (
	"os"
	"path/filepath"
	"testing"
)

// A snapshot audits exactly like the files it was made from.
func TestSnapshotRoundTripAuditsTheSame(t *testing.T) {
	snap := filepath.Join(t.TempDir(), "fleet.snapshot.json")
	if code, _, stderr := runCLI(t, "", "snapshot", "--out", snap, "testdata/fleet"); code != exitOK {
		t.Fatalf("snapshot exit %d: %s", code, stderr)
	}
	_, fromFiles, _ := runCLI(t, "", "audit", "--format", "json", "testdata/fleet")
	_, fromSnap, _ := runCLI(t, "", "audit", "--format", "json", snap)
	strip := func(s string) string { return stripFileFields(t, s) }
	if strip(fromFiles) != strip(fromSnap) {
		t.Errorf("audit of the snapshot differs from audit of the files:\nfiles:\n%s\nsnapshot:\n%s", fromFiles, fromSnap)
	}
}

func TestSnapshotToUnwritablePathLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	// A regular file where a directory should be: unwritable even for root.
	blocker := filepath.Join(dir, "not-a-dir")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "", "snapshot", "--out", filepath.Join(blocker, "s.json"), "testdata/fleet")
	if code != exitError || stderr == "" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}
}
