package fleet

import (
	"context"
	"strings"
	"testing"
)

// A service read without an ARN (here describe-services
// output with a bare cluster name, as a translator writes it) joins the
// one cluster of its name whose full identity agrees with what the run
// assumed; with two such clusters it stays apart, since choosing would be
// a guess.
func TestMergeClusters(t *testing.T) {
	svc := `{"services":[{"serviceName":"api","clusterArn":"web","taskDefinition":"api","launchType":"EC2"}]}`
	ci := func(account string) string {
		return `{"containerInstances":[{"containerInstanceArn":"arn:aws:ecs:us-east-1:` + account + `:container-instance/web/abc","ec2InstanceId":"i-1"}]}`
	}
	for _, tc := range []struct {
		name     string
		accounts []string
		clusters int
	}{
		{"one candidate", []string{"111111111111"}, 1},
		{"two candidates", []string{"111111111111", "222222222222"}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "services.json", svc)
			for _, a := range tc.accounts {
				writeFile(t, dir, "ci-"+a+".json", ci(a))
			}
			f, _ := LoadWith(context.Background(), []string{dir}, strings.NewReader(""), LoadOptions{Default: Identity{Region: "us-east-1"}})
			if len(f.Clusters) != tc.clusters {
				t.Fatalf("%d clusters, want %d: %+v", len(f.Clusters), tc.clusters, f.Clusters)
			}
			if tc.clusters == 1 {
				c := f.Clusters[0]
				if len(c.Services) != 1 || len(c.ContainerInstances) != 1 || f.Services[0].Identity.Account != "111111111111" {
					t.Errorf("not merged: %+v, service identity %+v", c, f.Services[0].Identity)
				}
			}
		})
	}
}
