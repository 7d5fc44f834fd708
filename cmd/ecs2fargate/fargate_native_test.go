package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fargateNative holds real task definitions and services already on
// Fargate (see its README for provenance and the reasoning behind
// expected.json.txt).
const fargateNative = "testdata/fargate-native"

type nativeExpectation struct {
	Verdict  string   `json:"verdict"`
	Warnings []string `json:"warnings"`
	MustNot  []string `json:"mustNot"`
}

func readNativeExpectations(t *testing.T) (tds, svcs map[string]nativeExpectation) {
	t.Helper()
	var exp struct {
		TaskDefinitions map[string]nativeExpectation `json:"taskDefinitions"`
		Services        map[string]nativeExpectation `json:"services"`
	}
	data, err := os.ReadFile(filepath.Join(fargateNative, "expected.json.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &exp); err != nil {
		t.Fatal(err)
	}
	return exp.TaskDefinitions, exp.Services
}

// Task definitions and services already on Fargate are ready; a missing
// log configuration there is a warning, not a fixable finding.
func TestFargateNativeAudit(t *testing.T) {
	tds, svcs := readNativeExpectations(t)
	code, stdout, stderr := runCLI(t, "", "audit", "--format", "json", "--fail-on", "fixable", fargateNative)
	if code != exitOK {
		t.Errorf("exit %d, want 0 with --fail-on fixable: nothing here is fixable\n%s", code, stderr)
	}
	var r struct {
		Verdicts []struct {
			Cluster, Service, TaskDefinition, Verdict string
			Blockers, Fixable, Warnings               []string
		}
		NotChecked []struct{ RuleID, Service string }
	}
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, v := range r.Verdicts {
		key, want := v.TaskDefinition, tds[v.TaskDefinition]
		if v.Service != "" {
			key, want = v.Cluster+"/"+v.Service, svcs[v.Cluster+"/"+v.Service]
		}
		if want.Verdict == "" {
			t.Errorf("%s: no expectation", key)
			continue
		}
		seen++
		if v.Verdict != want.Verdict || len(v.Fixable) > 0 || len(v.Blockers) > 0 {
			t.Errorf("%s: verdict %s (blockers %v, fixable %v), want %s", key, v.Verdict, v.Blockers, v.Fixable, want.Verdict)
		}
		for _, id := range want.Warnings {
			if !slices.Contains(v.Warnings, id) {
				t.Errorf("%s: warnings %v lack %s", key, v.Warnings, id)
			}
		}
		for _, id := range want.MustNot {
			if slices.Contains(v.Warnings, id) {
				t.Errorf("%s: %s fired", key, id)
			}
		}
	}
	if seen != len(tds)+len(svcs) {
		t.Errorf("%d verdicts matched, want %d", seen, len(tds)+len(svcs))
	}
	for _, n := range r.NotChecked {
		if n.RuleID == "lb-target-type-ip" {
			t.Errorf("%s: target group type not checked, but a service on Fargate has ip target groups already", n.Service)
		}
	}
}

// The rewrite leaves what already runs on Fargate alone: no update-service
// or create-service request (with --security-groups, and for a pinned
// 1.4.0), and no awslogs added to a definition that had no logging.
func TestFargateNativeRewrite(t *testing.T) {
	pinned := t.TempDir()
	for _, name := range []string{"sample-fargate.taskdef.json", "sample-fargate.services.json"} {
		data, err := os.ReadFile(filepath.Join(fargateNative, name))
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Replace(string(data), `"platformVersion": "LATEST"`, `"platformVersion": "1.4.0"`, 1)
		if name == "sample-fargate.services.json" && text == string(data) {
			t.Fatal("the service's platformVersion was not found to pin")
		}
		writeTestFile(t, filepath.Join(pinned, name), text)
	}
	for name, args := range map[string][]string{
		"corpus":                  {fargateNative},
		"corpus, security groups": {"--security-groups", "sg-0aaaabbbbccccdddd", "--subnets", "subnet-0aaaabbbbccccdddd", fargateNative},
		"pinned 1.4.0":            {"--security-groups", "sg-0aaaabbbbccccdddd", pinned},
	} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			code, _, stderr := runCLI(t, "", append([]string{"rewrite", "--out", out}, args...)...)
			if code != exitOK {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			entries, _ := os.ReadDir(out)
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), "-service.json") || strings.Contains(e.Name(), ".target-group") {
					t.Errorf("%s written for a service already on Fargate", e.Name())
				}
				if strings.HasSuffix(e.Name(), ".taskdef.json") {
					data, _ := os.ReadFile(filepath.Join(out, e.Name()))
					if strings.Contains(string(data), "awslogs") && !strings.Contains(e.Name(), "fargate-task-definition") && !strings.Contains(e.Name(), "otel") {
						t.Errorf("%s: awslogs added to a Fargate task definition that had no logging:\n%s", e.Name(), data)
					}
				}
			}
			if !strings.Contains(stderr, "already on Fargate") {
				t.Errorf("the summary does not say the service is already on Fargate:\n%s", stderr)
			}
		})
	}
}
