package terraform

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// writeBenchModules writes modules Terraform modules of perModule task
// definitions and services each (issue 13's benchmark: 1,000 task
// definitions in 100 modules), in the shapes modules use: jsonencode of
// two containers, a local, variables with defaults and a tfvars value.
func writeBenchModules(t testing.TB, dir string, modules, perModule int) {
	t.Helper()
	for m := range modules {
		var b strings.Builder
		b.WriteString("variable \"env\" {\n  default = \"prod\"\n}\n\nvariable \"image_tag\" {}\n\n")
		b.WriteString("locals {\n  prefix = \"" + fmt.Sprintf("m%03d", m) + "-${var.env}\"\n}\n\n")
		fmt.Fprintf(&b, "resource \"aws_ecs_cluster\" \"main\" {\n  name = \"cluster-%03d\"\n}\n\n", m)
		for i := range perModule {
			fmt.Fprintf(&b, `resource "aws_ecs_task_definition" "app%[1]d" {
  family       = "${local.prefix}-app%[1]d"
  network_mode = "bridge"
  cpu          = 512
  memory       = 1024

  container_definitions = jsonencode([
    {
      name         = "web"
      image        = "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:${var.image_tag}"
      memory       = 512
      essential    = true
      portMappings = [{ containerPort = 8080, hostPort = 0 }]
      environment  = [{ name = "ENV", value = var.env }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/${local.prefix}"
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "web"
        }
      }
    },
    {
      name      = "sidecar"
      image     = "public.ecr.aws/datadog/agent:7"
      memory    = 256
      essential = false
      links     = ["web"]
    }
  ])

  volume {
    name      = "data"
    host_path = "/srv/data%[1]d"
  }
}

resource "aws_lb_target_group" "app%[1]d" {
  name     = "tg-%03[2]d-%[1]d"
  port     = 8080
  protocol = "HTTP"
}

resource "aws_ecs_service" "app%[1]d" {
  name            = "app%[1]d"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.app%[1]d.arn
  launch_type     = "EC2"
  desired_count   = 2

  load_balancer {
    target_group_arn = aws_lb_target_group.app%[1]d.arn
    container_name   = "web"
    container_port   = 8080
  }

  ordered_placement_strategy {
    type  = "spread"
    field = "attribute:ecs.availability-zone"
  }
}

`, i, m)
		}
		mod := filepath.Join(dir, fmt.Sprintf("module-%03d", m))
		if err := os.MkdirAll(mod, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mod, "main.tf"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mod, "terraform.tfvars"), []byte("image_tag = \"v1.2.3\"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestWriteBenchModules writes the benchmark's modules to the directory
// named by ECS2FARGATE_TF_BENCH_OUT, for measuring the audit as a process
// (docs/benchmarks.md); without it, it checks that they load cleanly.
func TestWriteBenchModules(t *testing.T) {
	dir := os.Getenv("ECS2FARGATE_TF_BENCH_OUT")
	modules := 100
	if dir == "" {
		dir, modules = t.TempDir(), 2
	}
	writeBenchModules(t, dir, modules, 10)
	f := loadClean(t, dir)
	if len(f.TaskDefinitions) != modules*10 || len(f.Services) != modules*10 {
		t.Errorf("%d task definitions and %d services, want %d each", len(f.TaskDefinitions), len(f.Services), modules*10)
	}
	for _, s := range f.Services {
		if s.TaskDef == nil {
			t.Fatalf("service %s not linked", s.Name())
		}
	}
}

// BenchmarkLoadAndAudit1000 loads and audits 1,000 task definitions and
// services in 100 modules.
func BenchmarkLoadAndAudit1000(b *testing.B) {
	dir := b.TempDir()
	writeBenchModules(b, dir, 100, 10)
	b.ResetTimer()
	for range b.N {
		f, _ := fleet.LoadWith(context.Background(), []string{dir}, strings.NewReader(""), fleet.LoadOptions{Translators: []fleet.Translator{Translator{}}})
		if _, err := analyzer.Audit(f, analyzer.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
