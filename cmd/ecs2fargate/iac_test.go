package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// Terraform for the services and AWS CLI output for their hosts, in one
// run: the service joins the hosts' cluster, so the EC2 cost it replaces
// and its Fargate price are in one cluster line.
func TestIaCMixedWithDescribeOutput(t *testing.T) {
	_, stdout, stderr := runCLI(t, "", "cost", "--region", "us-east-1", "--format", "json", "testdata/iac-mixed")
	var out struct {
		Clusters []struct {
			Cluster   string `json:"cluster"`
			Instances []any  `json:"instances"`
		} `json:"clusters"`
		Services []struct {
			Service     string `json:"service"`
			FargateSize struct {
				CPU int `json:"cpu"`
			} `json:"fargateSize"`
		} `json:"services"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("%v\n%s\n%s", err, stdout, stderr)
	}
	if len(out.Clusters) != 1 || out.Clusters[0].Cluster != "prod-core" || len(out.Clusters[0].Instances) != 6 {
		t.Errorf("clusters %+v, want prod-core alone with its 6 hosts from describe output", out.Clusters)
	}
	if len(out.Services) != 1 || out.Services[0].Service != "api" || out.Services[0].FargateSize.CPU != 256 {
		t.Errorf("services %+v, want api from Terraform sized 0.25 vCPU", out.Services)
	}
}

// SARIF results about a Terraform resource point at the .tf file and the
// line and column of the attribute (or of the resource when absent).
func TestIaCSarifPointsAtTheAttribute(t *testing.T) {
	_, stdout, stderr := runCLI(t, "", "audit", "--format", "sarif", "testdata/iac-mixed")
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	want := map[string][2]int{
		"privileged":              {15, 7}, // privileged   = true
		"network-mode-awsvpc":     {7, 3},  // network_mode = "bridge"
		"requires-compat-fargate": {5, 1},  // absent: the resource
	}
	seen := map[string]bool{}
	for _, r := range log.Runs[0].Results {
		w, ok := want[r.RuleID]
		if !ok {
			continue
		}
		seen[r.RuleID] = true
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != "testdata/iac-mixed/stack/main.tf" || loc.Region.StartLine != w[0] || loc.Region.StartColumn != w[1] {
			t.Errorf("%s at %s:%d:%d, want testdata/iac-mixed/stack/main.tf:%d:%d", r.RuleID, loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn, w[0], w[1])
		}
	}
	for rule := range want {
		if !seen[rule] {
			t.Errorf("no %s result in\n%s", rule, strings.TrimSpace(stdout)[:200])
		}
	}
}

// A container definition read with Terraform's file() is located in the
// JSON file it is written in: the SARIF result names that file.
func TestIaCSarifPointsIntoFileReadJSON(t *testing.T) {
	_, stdout, _ := runCLI(t, "", "audit", "--format", "sarif", "--rule", "privileged", "../../internal/iac/terraform/testdata/forms")
	want := `"uri": "../../internal/iac/terraform/testdata/forms/templates/containers.json"`
	if !strings.Contains(stdout, want) || !strings.Contains(stdout, `"startLine": 5`) {
		t.Errorf("SARIF lacks the privileged line (5) of templates/containers.json:\n%s", stdout)
	}
}
