package cloudformation_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// containerInstances is describe-container-instances output for the
// quick-start template's cluster (ECSCluster, named after its logical ID).
const containerInstances = `{"containerInstances": [{
  "containerInstanceArn": "arn:aws:ecs:us-east-1:123456789012:container-instance/ECSCluster/0123456789abcdef0123456789abcdef",
  "ec2InstanceId": "i-0123456789abcdef0",
  "attributes": [{"name": "ecs.cpu-architecture", "value": "x86_64"}, {"name": "ecs.os-type", "value": "linux"}],
  "registeredResources": [{"name": "CPU", "type": "INTEGER", "integerValue": 2048}, {"name": "MEMORY", "type": "INTEGER", "integerValue": 3943}]
}]}`

// A template and AWS CLI output load into one fleet in one run: the
// hosts from describe-container-instances join the template's cluster and
// answer what the template cannot say (the CPU architecture tasks ran on).
func TestTemplateMixedWithDescribeOutput(t *testing.T) {
	hosts := filepath.Join(t.TempDir(), "container-instances.json")
	if err := os.WriteFile(hosts, []byte(containerInstances), 0o644); err != nil {
		t.Fatal(err)
	}
	template := "../../../testdata/iac/cloudformation/quickstart-schedule/template.json"
	alone, _ := audit(t, template)
	if !notChecked(alone, "runtime-platform-arch") {
		t.Fatalf("without the hosts, runtime-platform-arch should be not checked")
	}
	f, diags := loadWith(t, template, filepath.ToSlash(hosts))
	for _, d := range diags {
		if d.Level == "error" {
			t.Fatalf("loading: %s", d)
		}
	}
	if len(f.Inputs) != 2 {
		t.Errorf("inputs read: %v", f.Inputs)
	}
	var found bool
	for _, c := range f.Clusters {
		if c.Name == "ECSCluster" {
			found = len(c.Services) == 1 && len(c.ContainerInstances) == 1 && c.Detail != nil
		}
	}
	if !found {
		t.Fatalf("cluster ECSCluster does not hold the template's service, its cluster resource and the described host: %+v", f.Clusters)
	}
	mixed, _ := audit(t, template, filepath.ToSlash(hosts))
	if notChecked(mixed, "runtime-platform-arch") {
		t.Errorf("runtime-platform-arch is still not checked with the hosts' architecture among the inputs")
	}
}

func notChecked(res *analyzer.Result, id string) bool {
	for _, n := range res.NotChecked {
		if n.RuleID == id {
			return true
		}
	}
	return false
}
