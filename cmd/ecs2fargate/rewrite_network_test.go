package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleettest"
)

// Per cluster, and per account and region: each prod-core's requests get
// their own subnets and security groups.
func TestPerClusterNetworkOnMultiRegion(t *testing.T) {
	all, _ := multiRegion(t)
	out := t.TempDir()
	west := fleettest.Account + "/" + fleettest.SecondRegion + "/prod-core"
	code, _, stderr := runCLI(t, "", "rewrite", "--out", out,
		"--subnets", west+"=subnet-0west1,subnet-0west2", "--security-groups", west+"=sg-0west",
		"--subnets", "prod-core=subnet-0a11c1f3e5b7d9021,subnet-0b22d2e4f6a8c0132", "--security-groups", "prod-core=sg-0east", all)
	if code != exitOK && code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, c := range []struct{ where, want, not string }{
		{fleettest.Account + "/" + fleettest.SecondRegion, `"subnet-0west1"`, `"sg-0east"`},
		{fleettest.Account + "/" + fleettest.Region, `"sg-0east"`, `"subnet-0west1"`},
		{fleettest.SecondAccount + "/" + fleettest.Region, `"subnet-0a11c1f3e5b7d9021"`, `"sg-0west"`},
	} {
		doc := string(mustRead(t, filepath.Join(out, c.where, "prod-core.catalog-api.update-service.json")))
		if !strings.Contains(doc, c.want) || strings.Contains(doc, c.not) {
			t.Errorf("%s: update-service lacks %s or has %s:\n%s", c.where, c.want, c.not, doc)
		}
	}
}

// The same through a --network file.
func TestNetworkFile(t *testing.T) {
	all, _ := multiRegion(t)
	file := filepath.Join(t.TempDir(), "network.json")
	west := fleettest.Account + "/" + fleettest.SecondRegion + "/prod-core"
	os.WriteFile(file, []byte(`{"`+west+`": {"subnets": ["subnet-0west1"], "securityGroups": ["sg-0west"]},
		"prod-core": {"securityGroups": ["sg-0east"]}}`), 0o644)
	out := t.TempDir()
	if code, _, stderr := runCLI(t, "", "rewrite", "--out", out, "--network", file, all); code != exitOK && code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	doc := string(mustRead(t, filepath.Join(out, fleettest.Account, fleettest.SecondRegion, "prod-core.catalog-api.update-service.json")))
	if !strings.Contains(doc, `"subnet-0west1"`) || !strings.Contains(doc, `"sg-0west"`) {
		t.Errorf("west request does not use the file's entry:\n%s", doc)
	}
	doc = string(mustRead(t, filepath.Join(out, fleettest.SecondAccount, fleettest.Region, "prod-core.catalog-api.update-service.json")))
	if !strings.Contains(doc, `"sg-0east"`) {
		t.Errorf("second account's request does not use the prod-core entry:\n%s", doc)
	}
	// A bad file is a usage error naming the file and the key.
	os.WriteFile(file, []byte(`{"prod-core": {"subnet": ["subnet-0a"]}}`), 0o644)
	if code, _, stderr := runCLI(t, "", "rewrite", "--out", t.TempDir(), "--network", file, all); code != exitError || !strings.Contains(stderr, `key "prod-core"`) {
		t.Errorf("bad network file: exit %d, %s", code, stderr)
	}
}

// A value the inputs place in another VPC, or only in another region, or
// naming no cluster of the inputs, is an error and nothing is written.
func TestNetworkValueThatCannotBelongIsAnError(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	fleettest.CopyTree(t, "../../"+demoFleet, dir, strings.NewReplacer())
	// A subnet of another VPC in prod-core's region.
	os.WriteFile(filepath.Join(dir, "other-vpc.json"), []byte(`{"Subnets": [{"SubnetId": "subnet-0other", "VpcId": "vpc-0other",
		"AvailabilityZone": "us-east-1a", "OwnerId": "123456789012", "AvailableIpAddressCount": 200}]}`), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--subnets", "prod-core=subnet-0other"}, "subnet subnet-0other is in vpc-0other, but cluster prod-core (123456789012/us-east-1) runs in vpc-0d1e2f3a4b5c6d7e8"},
		{[]string{"--subnets", "prod-core=subnet-0e44f4a6b8c0e2354"}, "subnet subnet-0e44f4a6b8c0e2354 is in 123456789012/eu-west-1, not in the account and region of cluster prod-core (123456789012/us-east-1)"},
		// One value for every cluster of a two-region fleet cannot fit both.
		{[]string{"--security-groups", "sg-05562b7f5f0f56da8"}, "security group sg-05562b7f5f0f56da8 is in 123456789012/us-east-1, not in the account and region of cluster eu-web (123456789012/eu-west-1)"},
		{[]string{"--subnets", "prod-cor=subnet-0a11c1f3e5b7d9021"}, "no cluster prod-cor among the inputs"},
		{[]string{"--subnets", "prod-core=subnet-0a", "--subnets", "prod-core=subnet-0b"}, "both give the subnets of prod-core"},
	} {
		out := t.TempDir()
		code, _, stderr := runCLI(t, "", append(append([]string{"rewrite", "--out", out}, c.args...), dir)...)
		if code != exitError || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr:\n%s\nwant exit 1 and %q", c.args, code, stderr, c.want)
		}
		if entries, _ := os.ReadDir(out); len(entries) != 0 {
			t.Errorf("%v: %d files written", c.args, len(entries))
		}
	}
}

// Values without CLUSTER= add up to one choice for every cluster, as the
// flag always did; each CLUSTER= value is a choice of its own.
func TestFlagChoices(t *testing.T) {
	got, err := flagChoices("--subnets", []string{"subnet-a", "web=subnet-d", "subnet-b,subnet-c"}, "subnet-")
	if err != nil || len(got) != 2 {
		t.Fatalf("%+v, %v; want two choices", got, err)
	}
	if strings.Join(got[0].IDs, ",") != "subnet-a,subnet-b,subnet-c" || got[0].Sel.Cluster != "" {
		t.Errorf("every-cluster choice %+v", got[0])
	}
	if strings.Join(got[1].IDs, ",") != "subnet-d" || got[1].Sel.Cluster != "web" {
		t.Errorf("web's choice %+v", got[1])
	}
}
