package rewrite

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// byHandLinks has, beside host forms the rewrite fixes, two references it
// cannot: a bare word in a command and a host-named secret whose name
// names the link alias.
const byHandLinks = `{
  "family": "wp",
  "networkMode": "bridge",
  "requiresCompatibilities": ["EC2"],
  "cpu": "512", "memory": "1024",
  "taskRoleArn": "arn:aws:iam::123456789012:role/wp-task",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    {"name": "wordpress", "image": "wordpress:6.6", "essential": true, "memory": 512,
     "links": ["wordpress-db:mysql", "fluentbit"],
     "environment": [{"name": "AWS_EMF_AGENT_ENDPOINT", "value": "tcp://fluentbit:25888"}],
     "command": ["--wait-for", "mysql"],
     "secrets": [{"name": "MYSQL_HOST", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/wp/db-host"}],
     "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/wp", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs"}}},
    {"name": "wordpress-db", "image": "mysql:8.4", "essential": true, "memory": 256,
     "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/wp", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs"}}},
    {"name": "fluentbit", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", "essential": false, "memory": 128,
     "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/wp", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs"}}}
  ]
}`

func loadDoc(t *testing.T, doc []byte) (*fleet.Fleet, *fleet.TaskDefinition) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "td.json")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	f, diags := fleet.Load(context.Background(), []string{file}, nil)
	if fleet.HasErrors(diags) || len(f.TaskDefinitions) != 1 {
		t.Fatalf("loading: %v", diags)
	}
	return f, f.TaskDefinitions[0]
}

// TestLinkReferencesLeftByHand: what the rewrite cannot point at localhost
// is listed with its exact path, the link it needs stays, and the
// re-audit of the output is not ready while one is left. No value shows.
func TestLinkReferencesLeftByHand(t *testing.T) {
	f, td := loadDoc(t, []byte(byHandLinks))
	res, err := TaskDefinition(f, td, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		ContainerDefinitions []struct {
			Links       []string
			Environment []struct{ Name, Value string }
		}
	}
	if err := json.Unmarshal(res.Document, &out); err != nil {
		t.Fatal(err)
	}
	web := out.ContainerDefinitions[0]
	if strings.Join(web.Links, ",") != "wordpress-db:mysql" {
		t.Errorf("links = %q: the link with references left by hand must stay, the other go", web.Links)
	}
	if web.Environment[0].Value != "tcp://localhost:25888" {
		t.Error("the URL form was not pointed at localhost")
	}
	left := map[string]string{}
	for _, r := range res.Remaining {
		left[r.RuleID+" "+r.Path] = r.Severity
	}
	for _, want := range []string{
		"link-references containerDefinitions[0].command[1]",
		"link-references containerDefinitions[0].secrets[0].name",
		"links containerDefinitions[0].links[0]",
	} {
		if left[want] != "fixable" {
			t.Errorf("remaining %q: severity %q, want fixable (have %v)", want, left[want], left)
		}
	}
	noDoc := *res
	noDoc.Document = nil
	report, _ := json.Marshal(noDoc)
	for _, secret := range []string{"25888", "tcp://", "--wait-for", "parameter/wp"} {
		if strings.Contains(string(report), secret) {
			t.Errorf("changes or remaining show a value (%q):\n%s", secret, report)
		}
	}

	// Re-audit the output in place of the input.
	f2, _ := loadDoc(t, res.Document)
	audit, err := analyzer.Audit(f2, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if v := audit.Verdicts[0]; v.Verdict == analyzer.Ready || !contains(v.Fixable, "link-references") {
		t.Errorf("re-audit of the output: %s %v, want not ready with link-references fixable", v.Verdict, v.Fixable)
	}
}

// TestLinkReferencesDoneThenReady: once the references left by hand are
// fixed, the rewrite removes the last link and the output is ready.
func TestLinkReferencesDoneThenReady(t *testing.T) {
	fixed := strings.NewReplacer(`["--wait-for", "mysql"]`, `["--wait-for", "localhost"]`, `"MYSQL_HOST"`, `"DB_ENDPOINT"`).Replace(byHandLinks)
	f, td := loadDoc(t, []byte(fixed))
	res, err := TaskDefinition(f, td, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(res.Document), `"links"`) {
		t.Errorf("links left in:\n%s", res.Document)
	}
	f2, _ := loadDoc(t, res.Document)
	audit, _ := analyzer.Audit(f2, analyzer.Options{})
	if v := audit.Verdicts[0]; v.Verdict != analyzer.Ready {
		t.Errorf("re-audit: %s (fixable %v, blockers %v), want ready", v.Verdict, v.Fixable, v.Blockers)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
