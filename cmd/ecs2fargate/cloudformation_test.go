package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

const quickStart = "../../testdata/iac/cloudformation/quickstart-schedule/template.json"

// SARIF results on a CloudFormation template point at the attribute's line
// in the template, so code scanning annotates the pull request there.
func TestSARIFPointsAtTheTemplateLine(t *testing.T) {
	_, stdout, stderr := runCLI(t, "", "audit", "--format", "sarif", quickStart)
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
						Region           struct{ StartLine int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatalf("SARIF: %v\n%s", err, stderr)
	}
	data, err := os.ReadFile(quickStart)
	if err != nil {
		t.Fatal(err)
	}
	// The service's load balancer ContainerPort, written as a string there
	// (the task definition's is a number).
	want := 1 + strings.Count(string(data[:strings.Index(string(data), `"ContainerPort" : "80"`)]), "\n")
	for _, r := range log.Runs[0].Results {
		if r.RuleID != "lb-container-port" {
			continue
		}
		loc := r.Locations[0].PhysicalLocation
		if !strings.HasSuffix(loc.ArtifactLocation.URI, "quickstart-schedule/template.json") || loc.Region.StartLine != want {
			t.Errorf("lb-container-port at %s:%d, want template.json:%d", loc.ArtifactLocation.URI, loc.Region.StartLine, want)
		}
		return
	}
	t.Fatalf("no lb-container-port result:\n%s", stdout)
}

// A template the AWS CDK synthesized is audited, and the user is told to
// make the change in the CDK app.
func TestCDKOutputIsAuditedAndPointsAtTheSource(t *testing.T) {
	_, stdout, stderr := runCLI(t, "", "audit", "--format", "json", "testdata/cdk")
	if !strings.Contains(stderr, "synthesized by the AWS CDK") || !strings.Contains(stderr, "CDK app's source") {
		t.Errorf("no word that the change belongs in the CDK source:\n%s", stderr)
	}
	if !strings.Contains(stdout, `"ruleId": "host-port"`) || !strings.Contains(stdout, `"ruleId": "network-mode-awsvpc"`) {
		t.Errorf("the synthesized task definition was not audited:\n%s", stdout)
	}
}
