// Package fleettest builds test inputs shared by several packages' tests.
package fleettest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The account and regions of the multi-region fixture.
const (
	Account       = "123456789012" // the demo fleet's account
	SecondAccount = "210987654321"
	Region        = "us-east-1" // prod-core's region in the demo fleet
	SecondRegion  = "us-west-2"
)

// Copies are the three copies of prod-core MultiRegion writes, by folder:
// the demo's own, the same moved to SecondRegion, and the same moved to
// SecondAccount (in Region).
var Copies = map[string][2]string{
	"original":       {Account, Region},
	"second-region":  {Account, SecondRegion},
	"second-account": {SecondAccount, Region},
}

// MultiRegion writes into a temporary directory three copies of
// examples/demo-fleet/prod-core (with its target groups and subnets): as it
// is, with every "us-east-1" (ARNs, Availability Zones, ECR hosts) moved to
// us-west-2, and with the account 123456789012 moved to 210987654321. The
// copies share every name, instance id and subnet id, so only the account
// and region tell them apart. It returns the directory.
func MultiRegion(t testing.TB) string {
	t.Helper()
	demo := filepath.Join(moduleRoot(t), "examples", "demo-fleet")
	dir := t.TempDir()
	for name, where := range Copies {
		move := strings.NewReplacer(Account, where[0], Region, where[1])
		dst := filepath.Join(dir, name)
		CopyTree(t, filepath.Join(demo, "prod-core"), dst, move)
		writeFiltered(t, filepath.Join(demo, "target-groups.json"), filepath.Join(dst, "target-groups.json"), "TargetGroups", "TargetGroupArn", move)
		writeFiltered(t, filepath.Join(demo, "subnets.json"), filepath.Join(dst, "subnets.json"), "Subnets", "SubnetArn", move)
	}
	return dir
}

func moduleRoot(t testing.TB) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the fleettest package")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// CopyTree copies the files under src to dst, each passed through move
// (strings.NewReplacer() copies them as they are).
func CopyTree(t testing.TB, src, dst string, move *strings.Replacer) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), []byte(move.Replace(string(data))), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// writeFiltered copies the elements of the list under top whose arnField
// names prod-core's region (the demo's files hold two regions), moved.
func writeFiltered(t testing.TB, src, dst, top, arnField string, move *strings.Replacer) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string][]map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var kept []map[string]any
	for _, e := range doc[top] {
		if arn, _ := e[arnField].(string); strings.Contains(arn, ":"+Region+":") {
			kept = append(kept, e)
		}
	}
	out, err := json.MarshalIndent(map[string]any{top: kept}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, []byte(move.Replace(string(out))), 0o644); err != nil {
		t.Fatal(err)
	}
}
