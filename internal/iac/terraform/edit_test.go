package terraform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// editModule writes src as main.tf of a new module and edits it.
func editModule(t *testing.T, src string, rws ...fleet.Rewrite) (string, fleet.EditResult) {
	t.Helper()
	dir := t.TempDir()
	name := filepath.ToSlash(filepath.Join(dir, "main.tf"))
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := range rws {
		rws[i].File = name
	}
	res := Translator{}.Edit([]string{name}, rws)
	if len(res.Files) != 1 {
		t.Fatalf("edited %d files, want main.tf: %+v", len(res.Files), res)
	}
	if string(res.Files[0].Before) != src {
		t.Errorf("Before is not the file as read")
	}
	return string(res.Files[0].After), res
}

// Edits keep the file's own layout (this one is not as terraform fmt
// writes it, so nothing is reformatted) and every byte outside the edited
// spans: comments, odd spacing, other resources.
func TestEditKeepsEveryUntouchedByte(t *testing.T) {
	src := `# header comment
resource "aws_ecs_task_definition" "app" {
  family = "app"   # odd spacing kept
  network_mode   = "bridge" // the EC2 default
  container_definitions = jsonencode([{
    name  = "app" # inline comment
    image = "nginx"
    portMappings = [{ containerPort = 80, hostPort = 8080 }]
    links = ["db"]
  }])
}

/* another resource, untouched */
resource "aws_s3_bucket" "logs" {
  bucket   =   "logs"
}
`
	rw := fleet.Rewrite{Name: "aws_ecs_task_definition.app", Kind: fleet.RewriteTaskDefinition,
		Before: []byte(`{"family":"app","networkMode":"bridge","containerDefinitions":[{"name":"app","image":"nginx","portMappings":[{"containerPort":80,"hostPort":8080}],"links":["db"]}]}`),
		After:  []byte(`{"family":"app","networkMode":"awsvpc","cpu":"256","containerDefinitions":[{"name":"app","image":"nginx","portMappings":[{"containerPort":80}]}]}`)}
	got, res := editModule(t, src, rw)
	want := `# header comment
resource "aws_ecs_task_definition" "app" {
  family = "app"   # odd spacing kept
  network_mode   = "awsvpc" // the EC2 default
  container_definitions = jsonencode([{
    name  = "app" # inline comment
    image = "nginx"
    portMappings = [{ containerPort = 80 }]
  }])

  cpu = "256"
}

/* another resource, untouched */
resource "aws_s3_bucket" "logs" {
  bucket   =   "logs"
}
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if len(res.Diagnostics) != 0 {
		t.Errorf("diagnostics: %+v", res.Diagnostics)
	}
}

// A file as terraform fmt writes it is formatted after the edits, so an
// added argument lines up with its neighbours.
func TestEditFormatsAFormattedFile(t *testing.T) {
	src := `resource "aws_ecs_service" "web" {
  name        = "web"
  launch_type = "EC2"
}
`
	rw := fleet.Rewrite{Name: "aws_ecs_service.web", Kind: fleet.RewriteService,
		Before: []byte(`{"serviceName":"web","launchType":"EC2"}`),
		After:  []byte(`{"serviceName":"web","platformVersion":"LATEST"}`)}
	got, _ := editModule(t, src, rw)
	want := `resource "aws_ecs_service" "web" {
  name = "web"

  platform_version = "LATEST"
}
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// An argument written as an expression is not replaced by its value; the
// edit says what the rewrite wants instead.
func TestEditLeavesExpressions(t *testing.T) {
	src := `resource "aws_ecs_task_definition" "app" {
  family       = "app"
  network_mode = var.mode
}
`
	rw := fleet.Rewrite{Name: "aws_ecs_task_definition.app", Kind: fleet.RewriteTaskDefinition,
		Before: []byte(`{"family":"app","networkMode":"bridge"}`),
		After:  []byte(`{"family":"app","networkMode":"awsvpc","cpu":"256"}`)}
	got, res := editModule(t, src, rw)
	if !strings.Contains(got, "network_mode = var.mode") {
		t.Errorf("the expression was replaced:\n%s", got)
	}
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Line != 3 || !strings.Contains(res.Diagnostics[0].Message, `"awsvpc"`) {
		t.Errorf("diagnostics %+v, want one at line 3 naming the wanted value", res.Diagnostics)
	}
}
