package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleettest"
)

// unusedFleet is the demo fleet with all but five services left out, as a
// held-out estate of scheduled tasks and RunTask jobs looks: 28 task
// definitions, of which the five services run five, plus one real public
// task definition no service names (the ECS developer guide's
// example_task_2, testdata/corpus/docs-ping, loaded as it is).
func unusedFleet(t *testing.T) string {
	t.Helper()
	root := filepath.Join(packageDir, "..", "..")
	dir := t.TempDir()
	fleettest.CopyTree(t, filepath.Join(root, demoFleet), dir, strings.NewReplacer())
	keep := map[string]int{"eu-web": 2, "platform-tools": 1, "prod-core": 1, "windows-apps": 1}
	for cluster, n := range keep {
		path := filepath.Join(dir, cluster, "services.json")
		var doc map[string][]json.RawMessage
		data, err := os.ReadFile(path)
		if err == nil {
			err = json.Unmarshal(data, &doc)
		}
		if err != nil {
			t.Fatal(err)
		}
		doc["services"] = doc["services"][:n]
		out, _ := json.Marshal(doc)
		write(t, path, string(out))
	}
	ping, err := os.ReadFile(filepath.Join(root, "testdata", "corpus", "docs-ping", "taskdef.json"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "docs-ping-taskdef.json"), string(ping))
	return dir
}

// Every task definition the audit judged is in the report: the five
// services' in the service list, each of the other 24 in the section of
// task definitions no service runs, in every format, and counted in the
// summary (before, a fleet of 18 task definitions and 5 services reported
// the 5 services and nothing else).
func TestReportListsTaskDefinitionsNoServiceRuns(t *testing.T) {
	isolate(t)
	dir := unusedFleet(t)
	_, auditOut, stderr := runCLI(t, "", "audit", "--format", "json", dir)
	var audit struct {
		Summary  struct{ TaskDefinitions, Services int }
		Verdicts []struct{ Service, TaskDefinition, Verdict string }
	}
	if err := json.Unmarshal([]byte(auditOut), &audit); err != nil {
		t.Fatalf("audit JSON: %v\n%s", err, stderr)
	}
	if audit.Summary.TaskDefinitions != 29 || audit.Summary.Services != 5 {
		t.Fatalf("the fleet has %d task definitions and %d services, want 29 and 5", audit.Summary.TaskDefinitions, audit.Summary.Services)
	}
	used, judged := map[string]bool{}, map[string]string{}
	for _, v := range audit.Verdicts {
		if v.Service != "" {
			used[v.TaskDefinition] = true
		} else {
			judged[v.TaskDefinition] = v.Verdict
		}
	}
	var unused []string
	for td := range judged {
		if !used[td] {
			unused = append(unused, td)
		}
	}
	if len(unused) != 24 {
		t.Fatalf("%d task definitions no service runs, want 24: %v", len(unused), unused)
	}

	_, out, _ := runCLI(t, "", "report", "--format", "json", dir)
	var rep struct {
		Summary struct {
			Headline              string
			UnusedTaskDefinitions int
			UnusedByVerdict       map[string]int
		}
		Services              []struct{ TaskDefinition string }
		UnusedTaskDefinitions []struct {
			TaskDefinition, Verdict, Cost string
			Blockers                      []string
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Services) != 5 || rep.Summary.UnusedTaskDefinitions != 24 || len(rep.UnusedTaskDefinitions) != 24 {
		t.Fatalf("report JSON: %d services, summary counts %d unused, lists %d; want 5, 24, 24",
			len(rep.Services), rep.Summary.UnusedTaskDefinitions, len(rep.UnusedTaskDefinitions))
	}
	byVerdict := map[string]int{}
	for _, u := range rep.UnusedTaskDefinitions {
		if want, ok := judged[u.TaskDefinition]; !ok || used[u.TaskDefinition] || u.Verdict != want {
			t.Errorf("%s listed as unused with verdict %s; the audit says %q (used by a service: %v)", u.TaskDefinition, u.Verdict, want, used[u.TaskDefinition])
		}
		if u.Verdict == "blocked" && len(u.Blockers) == 0 {
			t.Errorf("%s is blocked with no blockers listed", u.TaskDefinition)
		}
		if !strings.HasPrefix(u.Cost, "unknown") {
			t.Errorf("%s costs %q, but no input says how often it runs", u.TaskDefinition, u.Cost)
		}
		byVerdict[u.Verdict]++
	}
	for v, n := range byVerdict {
		if rep.Summary.UnusedByVerdict[v] != n {
			t.Errorf("summary counts %d %s, the list %d", rep.Summary.UnusedByVerdict[v], v, n)
		}
	}
	if byVerdict["blocked"] == 0 || byVerdict["unknown"] == 0 {
		t.Errorf("verdicts %v: the fleet holds blocked task definitions and one of unknown platform", byVerdict)
	}
	if !strings.Contains(rep.Summary.Headline, "24 task definitions that no service runs") {
		t.Errorf("headline does not count them: %s", rep.Summary.Headline)
	}

	for _, format := range []string{"html", "markdown", "table", "csv"} {
		t.Run(format, func(t *testing.T) {
			args := []string{"report", "--format", format}
			details := filepath.Join(t.TempDir(), "details.md")
			if format == "markdown" {
				// The Markdown summary counts them (the headline); the
				// details file it links to lists each.
				args = append(args, "--details-file", details)
			}
			args = append(args, dir)
			_, out, _ := runCLI(t, "", args...)
			if format == "markdown" {
				if !strings.Contains(out, "24 task definitions that no service runs") {
					t.Errorf("the Markdown summary does not count them:\n%s", out)
				}
				b, _ := os.ReadFile(details)
				out = string(b)
			}
			for _, td := range unused {
				if !strings.Contains(out, td) {
					t.Errorf("%s report lacks task definition %s", format, td)
				}
			}
			if format == "csv" {
				rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				kinds := map[string]int{}
				for _, r := range rows[1:] {
					kinds[r[len(r)-1]]++
				}
				if kinds["service"] != 5 || kinds["task-definition"] != 24 {
					t.Errorf("CSV rows by kind: %v, want 5 services and 24 task definitions", kinds)
				}
			}
		})
	}
}
