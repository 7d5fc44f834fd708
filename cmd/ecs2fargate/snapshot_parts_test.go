package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"

	"github.com/ecs2fargate/ecs2fargate/internal/awsfake"
)

// orgEnv is an organisation of three accounts in two regions; the role of
// the third cannot be assumed.
func orgEnv(t *testing.T) (*awsfake.Server, []string) {
	t.Helper()
	fake := liveEnv(t)
	accounts := []string{"111100000001", "111100000002", "111100000003"}
	org := map[string]orgtypes.AccountState{}
	for i, a := range accounts {
		org[a] = orgtypes.AccountStateActive
		for _, r := range []string{"eu-west-1", "us-east-1"} {
			fake.Put(a, r, awsfake.Generate(a, r, awsfake.Shape{Clusters: 1, Services: 4, TaskDefinitions: 2, Instances: 1}))
		}
		if i < 2 {
			fake.AllowRole("arn:aws:iam::" + a + ":role/Audit")
		}
	}
	fake.Organization(org)
	return fake, accounts
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

// snapshot --aws --out-dir writes one file per account-region and one for
// the accounts it could not reach; an interrupted sweep keeps the
// account-regions it finished and says to --resume; the resumed sweep
// reads only the others, and auditing the directory gives what auditing
// an uninterrupted sweep's single file gives.
func TestSnapshotOutDirAndResume(t *testing.T) {
	fake, accounts := orgEnv(t)
	sweep := []string{"snapshot", "--aws", "--org-role-name", "Audit", "--regions", "eu-west-1,us-east-1", "--account-regions", "1"}

	whole := filepath.Join(t.TempDir(), "whole.json")
	if code, _, errOut := runCLI(t, "", append(sweep, "--quiet", "--out", whole)...); code != exitPartial {
		t.Fatalf("uninterrupted sweep: exit %d, want 3 (one account unreachable): %s", code, errOut)
	}

	dir := filepath.Join(t.TempDir(), "sweep")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Cancel once the second account-region has started (its ListClusters):
	// the first is then on disk, the second cut short.
	var started atomic.Int32
	fake.OnCall = func(op string) {
		if op == "ecs:ListClusters" && started.Add(1) == 2 {
			cancel()
		}
	}
	code, _, errOut := runCLIContext(t, ctx, "", append(sweep, "--quiet", "--out-dir", dir)...)
	if code != exitError || !strings.Contains(errOut, "--resume") || !strings.Contains(errOut, dir) {
		t.Fatalf("interrupted: exit %d, stderr %q; want exit 1 naming the directory and --resume", code, errOut)
	}
	first := listDir(t, dir)
	if len(first) != 1 || first[0] != accounts[0]+"_eu-west-1.json" {
		t.Fatalf("after the interruption the directory holds %v, want the first account-region only", first)
	}
	fake.OnCall = nil

	before := fake.CallsIn(accounts[0], "eu-west-1")
	code, _, errOut = runCLI(t, "", append(sweep, "--out-dir", dir, "--resume")...)
	if code != exitPartial {
		t.Fatalf("resumed: exit %d: %s", code, errOut)
	}
	if after := fake.CallsIn(accounts[0], "eu-west-1"); len(after) != len(before) || after["ecs:ListClusters"] != before["ecs:ListClusters"] {
		t.Errorf("the finished account-region was read again: %v → %v", before, after)
	}
	if !strings.Contains(errOut, "4/4 account-regions") || !strings.Contains(errOut, "1 account-regions resumed") {
		t.Errorf("progress does not count the resumed account-region:\n%s", errOut)
	}
	if !strings.Contains(errOut, "not read: account "+accounts[2]) {
		t.Errorf("the unreachable account is not reported:\n%s", errOut)
	}
	want := []string{accounts[0] + "_eu-west-1.json", accounts[0] + "_us-east-1.json", accounts[1] + "_eu-west-1.json", accounts[1] + "_us-east-1.json", "accounts.partial.json"}
	if got := listDir(t, dir); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("directory %v, want %v", got, want)
	}

	// The directory gathered into one snapshot holds what the uninterrupted
	// sweep's file holds (in file order rather than sorted across them).
	merged := filepath.Join(t.TempDir(), "merged.json")
	if code, _, errOut := runCLI(t, "", "snapshot", "--out", merged, dir); code != exitPartial {
		t.Fatalf("snapshot of the directory: exit %d: %s", code, errOut)
	}
	if a, b := sortedSnapshot(t, whole), sortedSnapshot(t, merged); a != b {
		t.Error("the resumed directory, gathered into one snapshot, differs from the uninterrupted sweep's snapshot")
	}
	wantCode, wantOut := 0, ""
	wantCode, wantOut, _ = runCLI(t, "", "audit", "--format", "json", "--fail-on", "none", dir)
	// --out with --out-dir writes both: the same directory, and one file.
	both, bothFile := filepath.Join(t.TempDir(), "both"), filepath.Join(t.TempDir(), "both.json")
	if code, _, errOut := runCLI(t, "", append(sweep, "--quiet", "--out-dir", both, "--out", bothFile)...); code != exitPartial {
		t.Fatalf("--out with --out-dir: exit %d: %s", code, errOut)
	}
	if got := listDir(t, both); strings.Join(got, " ") != strings.Join(want, " ") || sortedSnapshot(t, bothFile) != sortedSnapshot(t, whole) {
		t.Errorf("--out with --out-dir: directory %v, or the file differs from --out alone", got)
	}
	if wantCode != exitPartial || !strings.Contains(wantOut, accounts[2]) {
		t.Errorf("the audit of the directory does not carry the unreachable account's gap: exit %d", wantCode)
	}
}

// sortedSnapshot is a snapshot file with each of its lists sorted, so that
// two snapshots holding the same things in another order compare equal.
func sortedSnapshot(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for k, v := range doc {
		var items []json.RawMessage
		if json.Unmarshal(v, &items) != nil {
			continue
		}
		sort.Slice(items, func(i, j int) bool { return string(items[i]) < string(items[j]) })
		doc[k], _ = json.Marshal(items)
	}
	out, _ := json.Marshal(doc)
	return string(out)
}

func TestSnapshotOutDirFlagErrors(t *testing.T) {
	liveEnv(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"snapshot", "--aws"}, "--out-dir"},
		{[]string{"snapshot", "--out-dir", t.TempDir(), "x.json"}, "needs --aws"},
		{[]string{"snapshot", "--aws", "--out", filepath.Join(t.TempDir(), "s.json"), "--resume"}, "--resume needs --out-dir"},
	} {
		if code, _, errOut := runCLI(t, "", c.args...); code != exitError || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 saying %q", c.args, code, errOut, c.want)
		}
	}
}

// A sweep into --out-dir that reads cleanly and finds nothing is the same
// error as any live read that finds nothing (the wrong region or account
// must not pass as a clean estate).
func TestSnapshotOutDirEmptyEstateIsAnError(t *testing.T) {
	liveEnv(t)
	code, _, errOut := runCLI(t, "", "snapshot", "--aws", "--quiet", "--out-dir", filepath.Join(t.TempDir(), "sweep"))
	if code != exitError || !strings.Contains(errOut, "no ECS inputs found") {
		t.Errorf("exit %d, stderr %q; want exit 1, no ECS inputs found", code, errOut)
	}
}
