package fleet

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/internal/fleettest"
)

// Three copies of prod-core (two regions, two accounts) are three
// clusters; every link stays within its own account and region.
func TestMultiRegionIdentity(t *testing.T) {
	dir := fleettest.MultiRegion(t)
	f, diags := Load(t.Context(), []string{dir}, nil)
	if len(diags) != 0 {
		t.Fatalf("diagnostics on three distinct copies: %v", diags)
	}
	if len(f.Clusters) != 3 || len(f.Services) != 45 || len(f.TaskDefinitions) != 45 || len(f.ContainerInstances) != 18 || len(f.Instances) != 18 {
		t.Fatalf("%d clusters, %d services, %d task definitions, %d container instances, %d instances; want 3, 45, 45, 18, 18",
			len(f.Clusters), len(f.Services), len(f.TaskDefinitions), len(f.ContainerInstances), len(f.Instances))
	}
	want := map[Identity]bool{}
	for _, w := range fleettest.Copies {
		want[Identity{w[0], w[1]}] = true
	}
	for _, c := range f.Clusters {
		if c.Name != "prod-core" || !want[c.Identity] || len(c.Services) != 15 || len(c.ContainerInstances) != 6 {
			t.Errorf("cluster %s in %s: %d services, %d container instances; want prod-core, 15, 6", c.Name, c.Identity, len(c.Services), len(c.ContainerInstances))
		}
		delete(want, c.Identity)
		if f.Cluster(c.Identity, c.Name) != c {
			t.Errorf("Cluster(%s, %s) is not the cluster", c.Identity, c.Name)
		}
		for _, ci := range c.ContainerInstances {
			if ci.Instance == nil || ci.Instance.Identity != c.Identity {
				t.Errorf("container instance %s of %s: instance %+v, want one in the same account and region", ptr.Value(ci.CI.ContainerInstanceArn), c.Identity, ci.Instance)
			}
		}
		if h := f.clusterHosts(c); h.Instances != 6 {
			t.Errorf("cluster %s: %d hosts, want its own 6", c.Identity, h.Instances)
		}
	}
	for _, s := range f.Services {
		if s.TaskDef == nil || s.TaskDef.Identity != s.Identity {
			t.Errorf("service %s in %s runs %v, want the task definition of its own account and region", s.Name(), s.Identity, s.TaskDef)
		}
		if h := f.HostsOf(s.TaskDef); h.Instances != 6 {
			t.Errorf("service %s in %s: hosts %d, want its own cluster's 6", s.Name(), s.Identity, h.Instances)
		}
		if nc := s.Svc.NetworkConfiguration; nc != nil && nc.AwsvpcConfiguration != nil {
			for _, id := range nc.AwsvpcConfiguration.Subnets {
				if sn := f.Subnet(s.Identity, id); sn == nil || sn.Identity != s.Identity {
					t.Errorf("service %s in %s: subnet %s found as %+v, want its own region's", s.Name(), s.Identity, id, sn)
				}
			}
		}
	}
}

// Only the same ARN read twice is a duplicate, reported once.
func TestSameARNTwiceIsOneDuplicate(t *testing.T) {
	dir := fleettest.MultiRegion(t)
	copyFile := filepath.Join(dir, "original", "task-definitions", "catalog-api.json")
	same := filepath.Join(t.TempDir(), "again.json")
	copyFileTo(t, copyFile, same)
	f, diags := Load(t.Context(), []string{dir, same}, nil)
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "duplicate task definition catalog-api:45 in 123456789012/us-east-1") {
		t.Fatalf("want one duplicate warning naming the account and region, got %v", diags)
	}
	if len(f.TaskDefinitions) != 45 {
		t.Errorf("%d task definitions, want 45", len(f.TaskDefinitions))
	}
}

// A register-shaped task definition has no ARN: it takes the default
// identity, says so, and still links to the services that name its family.
func TestRegisterShapeTakesDefaultIdentity(t *testing.T) {
	f, diags := LoadWith(t.Context(), []string{filepath.Join(shapesDir, "register-task-definition.json")}, nil, LoadOptions{Default: Identity{Region: "eu-west-1"}})
	if len(f.TaskDefinitions) != 1 {
		t.Fatalf("%d task definitions, diagnostics %v", len(f.TaskDefinitions), diags)
	}
	td := f.TaskDefinitions[0]
	if !td.IdentityAssumed || td.Identity != (Identity{Region: "eu-west-1"}) {
		t.Errorf("identity %+v assumed %v, want eu-west-1 assumed", td.Identity, td.IdentityAssumed)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "taken as unknown-account/eu-west-1") {
		t.Errorf("want one warning saying what was assumed, got %v", diags)
	}
}

func TestRegionOfZone(t *testing.T) {
	for zone, want := range map[string]string{
		"us-east-1a": "us-east-1", "us-west-2-lax-1a": "us-west-2", "us-gov-west-1b": "us-gov-west-1",
		"ap-southeast-2c": "ap-southeast-2", "cn-north-1a": "cn-north-1", "": "", "nonsense": "",
	} {
		if got := RegionOfZone(zone); got != want {
			t.Errorf("RegionOfZone(%q) = %q, want %q", zone, got, want)
		}
	}
}

func copyFileTo(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A lookup falls back to objects whose input named no account or region,
// never to another known account or region.
func TestFindFallsBackOnlyToUnknown(t *testing.T) {
	m := map[key]string{
		{Identity{"1", "us-east-1"}, "web"}:    "east",
		{Identity{Region: "us-west-2"}, "web"}: "west, account unknown",
		{Identity{}, "batch"}:                  "anywhere",
	}
	for _, c := range []struct {
		id   Identity
		name string
		want string
	}{
		{Identity{"1", "us-east-1"}, "web", "east"},
		{Identity{"2", "us-east-1"}, "web", ""},
		{Identity{"1", "us-west-2"}, "web", "west, account unknown"},
		{Identity{"1", "eu-west-1"}, "web", ""},
		{Identity{"9", "ap-south-1"}, "batch", "anywhere"},
	} {
		if got, _ := find(m, c.id, c.name); got != c.want {
			t.Errorf("find(%s, %s) = %q, want %q", c.id, c.name, got, c.want)
		}
	}
}

// A snapshot keeps each instance's account (an instance document carries
// none), so the multi-account fleet reads back with no duplicates.
func TestMultiRegionSnapshotRoundTrip(t *testing.T) {
	f, diags := Load(t.Context(), []string{fleettest.MultiRegion(t)}, nil)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	var buf bytes.Buffer
	if err := WriteSnapshot(&buf, f, SnapshotMeta{}); err != nil {
		t.Fatal(err)
	}
	back, diags := LoadBytes("snap.json", buf.Bytes())
	if len(diags) != 0 || len(back.Instances) != 18 || len(back.Clusters) != 3 {
		t.Fatalf("%d instances, %d clusters, diagnostics %v; want 18, 3, none", len(back.Instances), len(back.Clusters), diags)
	}
	for _, ci := range back.ContainerInstances {
		if ci.Instance == nil || ci.Instance.Identity != ci.Identity {
			t.Errorf("container instance %s in %s: instance %+v", ptr.Value(ci.CI.ContainerInstanceArn), ci.Identity, ci.Instance)
		}
	}
}
