package rewrite

import (
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

func TestParseNetworkChoice(t *testing.T) {
	for _, c := range []struct {
		in   string
		sel  NetworkSelector
		ids  string
		from string
	}{
		{"subnet-a,subnet-b", NetworkSelector{}, "subnet-a subnet-b", "the --subnets option"},
		{"prod-core=subnet-a, subnet-b", NetworkSelector{Cluster: "prod-core"}, "subnet-a subnet-b", "the --subnets option for prod-core"},
		{"123456789012/us-west-2/prod-core=subnet-c", NetworkSelector{"123456789012", "us-west-2", "prod-core"}, "subnet-c", "the --subnets option for 123456789012/us-west-2/prod-core"},
		{"123456789012/us-west-2/*=subnet-d", NetworkSelector{Account: "123456789012", Region: "us-west-2"}, "subnet-d", "the --subnets option for 123456789012/us-west-2/*"},
	} {
		got, err := ParseNetworkChoice("--subnets", c.in, "subnet-")
		if err != nil || got.Sel != c.sel || strings.Join(got.IDs, " ") != c.ids || got.Origin != c.from {
			t.Errorf("%q: %+v, %v; want %+v %s %q", c.in, got, err, c.sel, c.ids, c.from)
		}
	}
	for in, want := range map[string]string{
		"":                             "no subnet ids",
		"prod-core=":                   "no subnet ids",
		"prod-core=sg-1":               `"sg-1" is not a subnet id`,
		"=subnet-a":                    "must name clusters",
		"us-west-2/prod-core=subnet-a": "must name clusters",
	} {
		if _, err := ParseNetworkChoice("--subnets", in, "subnet-"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err %v, want %q", in, err, want)
		}
	}
}

// A service takes the most specific choice that names its cluster.
func TestChooseMostSpecific(t *testing.T) {
	list := []NetworkChoice{
		{Sel: NetworkSelector{}, IDs: []string{"subnet-all"}},
		{Sel: NetworkSelector{Account: "1", Region: "us-west-2", Cluster: "web"}, IDs: []string{"subnet-west"}},
		{Sel: NetworkSelector{Cluster: "web"}, IDs: []string{"subnet-web"}},
		{Sel: NetworkSelector{Account: "2", Region: "us-west-2"}, IDs: []string{"subnet-2west"}},
	}
	for _, c := range []struct {
		where   fleet.Identity
		cluster string
		want    string
	}{
		{fleet.Identity{Account: "1", Region: "us-west-2"}, "web", "subnet-west"},
		{fleet.Identity{Account: "1", Region: "us-east-1"}, "web", "subnet-web"},
		{fleet.Identity{Account: "2", Region: "us-west-2"}, "web", "subnet-2west"},
		{fleet.Identity{Account: "2", Region: "us-east-1"}, "web", "subnet-web"},
		{fleet.Identity{Account: "1", Region: "us-west-2"}, "batch", "subnet-all"},
	} {
		got := choose(list, &fleet.Service{Cluster: c.cluster, Identity: c.where})
		if got == nil || got.IDs[0] != c.want {
			t.Errorf("%s %s: %+v, want %s", c.where, c.cluster, got, c.want)
		}
	}
	if choose(list[1:2], &fleet.Service{Cluster: "batch"}) != nil {
		t.Error("a choice for web served batch")
	}
}
