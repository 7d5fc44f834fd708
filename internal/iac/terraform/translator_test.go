package terraform

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// load reads paths with the Terraform translator.
func load(t *testing.T, paths ...string) (*fleet.Fleet, []fleet.Diagnostic) {
	t.Helper()
	return fleet.LoadWith(context.Background(), paths, strings.NewReader(""), fleet.LoadOptions{Translators: []fleet.Translator{Translator{}}})
}

func loadClean(t *testing.T, paths ...string) *fleet.Fleet {
	t.Helper()
	f, diags := load(t, paths...)
	for _, d := range diags {
		t.Errorf("unexpected diagnostic: %s", d)
	}
	return f
}

// lineOf is the line of file holding text (its nth occurrence, from 1), and
// the column it starts at, so expectations do not hard-code numbers.
func lineOf(t *testing.T, file, text string, nth int) fleet.Position {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		if c := strings.Index(line, text); c >= 0 {
			if nth--; nth == 0 {
				return fleet.Position{Line: i + 1, Column: c + 1}
			}
		}
	}
	t.Fatalf("%q not in %s", text, file)
	return fleet.Position{}
}

func taskDef(t *testing.T, f *fleet.Fleet, family string) *fleet.TaskDefinition {
	t.Helper()
	for _, td := range f.TaskDefinitions {
		if ptr.Value(td.Def.Family) == family {
			return td
		}
	}
	t.Fatalf("no task definition %s", family)
	return nil
}

func service(t *testing.T, f *fleet.Fleet, name string) *fleet.Service {
	t.Helper()
	for _, s := range f.Services {
		if s.Name() == name {
			return s
		}
	}
	t.Fatalf("no service %s", name)
	return nil
}

// Every attribute the rules read reaches the model, named as the ECS API
// names it, and each is located at its line in main.tf.
func TestAttributesReachTheModel(t *testing.T) {
	const main = "testdata/attrs/main.tf"
	f := loadClean(t, "testdata/attrs")
	td := taskDef(t, f, "app")
	d := td.Def
	c := d.ContainerDefinitions[0]
	checks := []struct {
		what      string
		got, want any
	}{
		{"network_mode", string(d.NetworkMode), "bridge"},
		{"requires_compatibilities", string(d.RequiresCompatibilities[0]), "EC2"},
		{"cpu", ptr.Value(d.Cpu), "512"},
		{"memory", ptr.Value(d.Memory), "1024"},
		{"pid_mode", string(d.PidMode), "host"},
		{"ipc_mode", string(d.IpcMode), "host"},
		{"task_role_arn", ptr.Value(d.TaskRoleArn), "arn:aws:iam::123456789012:role/app"},
		{"execution_role_arn", ptr.Value(d.ExecutionRoleArn), "arn:aws:iam::123456789012:role/exec"},
		{"volume host_path", ptr.Value(d.Volumes[0].Host.SourcePath), "/var/run/docker.sock"},
		{"docker_volume_configuration", string(d.Volumes[1].DockerVolumeConfiguration.Scope), "shared"},
		{"efs_volume_configuration", ptr.Value(d.Volumes[2].EfsVolumeConfiguration.FileSystemId), "fs-12345678"},
		{"placement_constraints", ptr.Value(d.PlacementConstraints[0].Expression), "attribute:ecs.instance-type =~ t3.*"},
		{"runtime_platform", string(d.RuntimePlatform.CpuArchitecture), "ARM64"},
		{"ephemeral_storage", d.EphemeralStorage.SizeInGiB, int32(30)},
		{"container privileged", ptr.Value(c.Privileged), true},
		{"container hostPort", ptr.Value(c.PortMappings[0].HostPort), int32(8080)},
		{"container logDriver", string(c.LogConfiguration.LogDriver), "json-file"},
	}
	web, worker, agent := service(t, f, "web"), service(t, f, "worker"), service(t, f, "agent")
	w := web.Svc
	checks = append(checks, []struct {
		what      string
		got, want any
	}{
		{"launch_type", string(w.LaunchType), "EC2"},
		{"scheduling_strategy", string(w.SchedulingStrategy), "REPLICA"},
		{"network_configuration subnets", strings.Join(w.NetworkConfiguration.AwsvpcConfiguration.Subnets, ","), "subnet-1,subnet-2"},
		{"network_configuration assign_public_ip", string(w.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp), "DISABLED"},
		{"load_balancer", ptr.Value(w.LoadBalancers[0].ContainerPort), int32(80)},
		{"ordered_placement_strategy", ptr.Value(w.PlacementStrategy[0].Field), "memory"},
		{"placement_constraints", string(w.PlacementConstraints[0].Type), "distinctInstance"},
		{"target_type", string(f.TargetGroup(ptr.Value(w.LoadBalancers[0].TargetGroupArn)).TG.TargetType), "instance"},
		{"target_type default", string(f.TargetGroup(ptr.Value(worker.Svc.LoadBalancers[0].TargetGroupArn)).TG.TargetType), "instance"},
		{"capacity_provider_strategy", ptr.Value(worker.Svc.CapacityProviderStrategy[0].CapacityProvider), "asg"},
		{"cluster default strategy", ptr.Value(agent.Svc.CapacityProviderStrategy[0].CapacityProvider), "asg"},
		{"scheduling_strategy DAEMON", string(agent.Svc.SchedulingStrategy), "DAEMON"},
		{"cluster", web.Cluster, "main"},
		{"cluster capacity providers", strings.Join(f.ClusterOf(web).Detail.CapacityProviders, ","), "asg"},
	}...)
	dep := service(t, f, "deploy").Svc
	checks = append(checks, []struct {
		what      string
		got, want any
	}{
		{"platform_version", ptr.Value(dep.PlatformVersion), "1.4.0"},
		{"desired_count", dep.DesiredCount, int32(4)},
		{"deployment_maximum_percent", ptr.Value(dep.DeploymentConfiguration.MaximumPercent), int32(150)},
		{"deployment_minimum_healthy_percent", ptr.Value(dep.DeploymentConfiguration.MinimumHealthyPercent), int32(50)},
		{"deployment_circuit_breaker", dep.DeploymentConfiguration.DeploymentCircuitBreaker.Rollback, true},
		{"health_check_grace_period_seconds", ptr.Value(dep.HealthCheckGracePeriodSeconds), int32(60)},
		{"enable_execute_command", dep.EnableExecuteCommand, true},
		{"iam_role", ptr.Value(dep.RoleArn), "arn:aws:iam::123456789012:role/ecsServiceRole"},
		{"deployment_controller", string(dep.DeploymentController.Type), "CODE_DEPLOY"},
		{"service_registries", ptr.Value(dep.ServiceRegistries[0].RegistryArn), "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1"},
		{"tags", ptr.Value(dep.Tags[0].Value), "payments"},
	}...)
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.what, c.got, c.want)
		}
	}
	for _, s := range []*fleet.Service{web, worker, agent, service(t, f, "deploy")} {
		if s.TaskDef != td {
			t.Errorf("service %s is not linked to aws_ecs_task_definition.app", s.Name())
		}
	}
	if td.Doc.Source != (fleet.Source{File: main, Path: "aws_ecs_task_definition.app"}) {
		t.Errorf("task definition source %+v", td.Doc.Source)
	}

	at := func(text string, nth int) fleet.Position { return lineOf(t, main, text, nth) }
	where := map[string]fleet.Position{
		"aws_ecs_task_definition.app.networkMode":                          at("network_mode", 1),
		"aws_ecs_task_definition.app.cpu":                                  at("cpu ", 1),
		"aws_ecs_task_definition.app.requiresCompatibilities":              at("requires_compatibilities", 1),
		"aws_ecs_task_definition.app.containerDefinitions[0].privileged":   at("privileged", 1),
		"aws_ecs_task_definition.app.containerDefinitions[0].portMappings": at("portMappings", 1),
		"aws_ecs_task_definition.app.containerDefinitions[0].ulimits":      {Line: at(`name       = "web"`, 1).Line - 1, Column: 5}, // absent: the container
		"aws_ecs_task_definition.app.volumes[0].host.sourcePath":           at("host_path", 1),
		"aws_ecs_task_definition.app.volumes[1].dockerVolumeConfiguration": at("docker_volume_configuration", 1),
		"aws_ecs_task_definition.app.runtimePlatform.cpuArchitecture":      at("cpu_architecture", 1),
		"aws_ecs_task_definition.app.ephemeralStorage.sizeInGiB":           at("size_in_gib", 1),
		"aws_ecs_task_definition.app.taskRoleArn":                          at("task_role_arn", 1),
		"aws_ecs_service.web.launchType":                                   at("launch_type", 1),
		"aws_ecs_service.web.networkConfiguration.awsvpcConfiguration":     at("network_configuration", 1),
		"aws_ecs_service.web.loadBalancers[0].targetGroupArn":              at("target_group_arn", 1),
		"aws_ecs_service.web.placementStrategy[0]":                         at("ordered_placement_strategy", 1),
		"aws_ecs_service.web.schedulingStrategy":                           at("scheduling_strategy", 1),
		"aws_ecs_service.worker.capacityProviderStrategy[0].base":          at("base", 1),
		"aws_ecs_service.agent.capacityProviderStrategy":                   at(`resource "aws_ecs_service" "agent"`, 1),
		"aws_lb_target_group.web.TargetType":                               at("target_type", 1),
		"aws_ecs_cluster.main.capacityProviders":                           at(`resource "aws_ecs_cluster_capacity_providers"`, 1),
		"aws_ecs_service.deploy.deploymentConfiguration.maximumPercent":    at("deployment_maximum_percent", 1),
		"aws_ecs_service.deploy.deploymentController.type":                 {Line: at(`type = "CODE_DEPLOY"`, 1).Line, Column: 5},
	}
	var paths []string
	for p := range where {
		paths = append(paths, p)
	}
	got, ok := f.Locate(main, paths)
	if !ok {
		t.Fatal("main.tf is not located through its translation")
	}
	for p, want := range where {
		if got[p] != want {
			t.Errorf("%s at %+v, want %+v", p, got[p], want)
		}
	}
}

// container_definitions is read in every form modules write it, and its
// members are located where they are written: in the heredoc, in the JSON
// file read with file() or templatefile(), in the local's jsonencode.
func TestContainerDefinitionForms(t *testing.T) {
	const main = "testdata/forms/main.tf"
	f := loadClean(t, "testdata/forms")
	if len(f.TaskDefinitions) != 4 {
		t.Fatalf("%d task definitions, want 4", len(f.TaskDefinitions))
	}
	for _, td := range f.TaskDefinitions {
		if c := td.Def.ContainerDefinitions; len(c) != 1 || !ptr.Value(c[0].Privileged) || ptr.Value(c[0].Name) != ptr.Value(td.Def.Family) {
			t.Errorf("%s: containers %+v, want one named as the family, privileged", td.Key(), c)
		}
	}
	if env := taskDef(t, f, "template").Def.ContainerDefinitions[0].Environment; len(env) != 1 || ptr.Value(env[0].Value) != "1.27" {
		t.Errorf("templatefile's ${tag} not rendered from var.tag's default: %+v", env)
	}
	if img := ptr.Value(taskDef(t, f, "local").Def.ContainerDefinitions[0].Image); img != "nginx:1.27" {
		t.Errorf("local's image %q, want nginx:1.27 from var.tag", img)
	}
	for _, fam := range []string{"heredoc", "template"} {
		td := taskDef(t, f, fam)
		if why := td.Doc.Unknown["containerDefinitions[0].image"]; !strings.Contains(why, "not known statically") {
			t.Errorf("%s: image not recorded as unknown: %v", fam, td.Doc.Unknown)
		}
		if ptr.Value(td.Def.ContainerDefinitions[0].Image) != "" {
			t.Errorf("%s: an unknown image was guessed", fam)
		}
	}
	want := map[string]fleet.Position{
		"aws_ecs_task_definition.heredoc.containerDefinitions[0].privileged": lineOf(t, main, `"privileged"`, 1),
		"aws_ecs_task_definition.local.containerDefinitions[0].privileged":   lineOf(t, main, "privileged", 1),
	}
	file := lineOf(t, "testdata/forms/templates/containers.json", `"privileged"`, 1)
	file.File = "testdata/forms/templates/containers.json"
	want["aws_ecs_task_definition.file.containerDefinitions[0].privileged"] = file
	tpl := lineOf(t, "testdata/forms/templates/containers.json.tpl", `"privileged"`, 1)
	tpl.File = "testdata/forms/templates/containers.json.tpl"
	want["aws_ecs_task_definition.template.containerDefinitions[0].privileged"] = tpl
	var paths []string
	for p := range want {
		paths = append(paths, p)
	}
	got, _ := f.Locate(main, paths)
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s at %+v, want %+v", p, got[p], w)
		}
	}
	for _, in := range f.Inputs {
		if strings.HasSuffix(in, ".json") && !strings.Contains(strings.Join(f.Inputs, " "), "main.tf") {
			t.Errorf("the file()'d JSON was read as an input of its own: %v", f.Inputs)
		}
	}
}

// A module called with a local source is read with its caller's inputs,
// once, under the caller's address; other sources are named as not read.
func TestModuleInputs(t *testing.T) {
	f, diags := load(t, "testdata/modules")
	if len(f.TaskDefinitions) != 1 || len(f.Services) != 1 {
		t.Fatalf("%d task definitions and %d services, want the called module's one each, read once", len(f.TaskDefinitions), len(f.Services))
	}
	td, svc := f.TaskDefinitions[0], f.Services[0]
	if td.Doc.Source.Path != "module.app.aws_ecs_task_definition.app" || td.Doc.Source.File != "testdata/modules/app/main.tf" {
		t.Errorf("source %+v", td.Doc.Source)
	}
	if string(td.Def.NetworkMode) != "awsvpc" || ptr.Value(td.Def.Cpu) != "256" {
		t.Errorf("inputs not followed: networkMode %q, cpu %q", td.Def.NetworkMode, ptr.Value(td.Def.Cpu))
	}
	if why := svc.Doc.Unknown["networkConfiguration.awsvpcConfiguration.subnets"]; !strings.Contains(why, "var.subnets") {
		t.Errorf("subnets from the root's var.subnets (no value) not unknown: %v", svc.Doc.Unknown)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Message, `module "vpc"`) || diags[0].Line != lineOf(t, "testdata/modules/root/main.tf", `module "vpc"`, 1).Line {
		t.Errorf("diagnostics %v, want one warning that module vpc is not read", diags)
	}
}

// A value that cannot be known statically is "not checked" for the rules
// that need it, with the reason, never judged as absent; a terraform.tfvars
// value is followed.
func TestUnknownValuesAreNotChecked(t *testing.T) {
	f, diags := load(t, "testdata/unknown")
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "var.cluster_id is not known statically") {
		t.Errorf("diagnostics %v, want one saying the service's cluster (var.cluster_id) is not known", diags)
	}
	res, err := analyzer.Audit(f, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fired := map[string]bool{}
	for fd := range res.Findings.All() {
		fired[fd.RuleID] = true
	}
	needs := map[string]string{}
	for _, nc := range res.NotChecked {
		needs[nc.RuleID] = nc.Needs
	}
	for rule, reason := range map[string]string{
		"network-mode-awsvpc":     "var.network_mode",
		"image-registry-local":    "data.aws_ecr_repository.app.repository_url",
		"new-service-launch-type": "neither launch_type nor capacity_provider_strategy",
	} {
		if fired[rule] {
			t.Errorf("%s judged an unknown value", rule)
		}
		if !strings.Contains(needs[rule], reason) {
			t.Errorf("%s not checked = %q, want the reason naming %s", rule, needs[rule], reason)
		}
	}
	if !fired["privileged"] {
		t.Error("privileged = true from terraform.tfvars did not fire privileged")
	}
}

// A file that does not parse is an error at its line; the other modules
// are still read.
func TestSyntaxErrorIsLocated(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/main.tf", []byte("resource \"aws_ecs_task_definition\" \"x\" {\n  family = \n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, diags := load(t, dir, "testdata/attrs")
	if len(diags) == 0 || diags[0].Level != fleet.LevelError || diags[0].File != dir+"/main.tf" || diags[0].Line != 2 {
		t.Errorf("diagnostics %v, want an error at main.tf:2", diags)
	}
	taskDef(t, f, "app") // the good module is read beside the bad one
}

// A root module's service may name a task definition that a local module
// declares, through the module's output: the link is followed.
func TestModuleOutputsLink(t *testing.T) {
	f := loadClean(t, "testdata/outputs")
	if len(f.Services) != 1 || len(f.TaskDefinitions) != 1 {
		t.Fatalf("%d services, %d task definitions", len(f.Services), len(f.TaskDefinitions))
	}
	td, svc := f.TaskDefinitions[0], f.Services[0]
	if td.Doc.Source.Path != "module.task.aws_ecs_task_definition.this" || ptr.Value(td.Def.Family) != "orders" {
		t.Errorf("task definition %s, family %q", td.Doc.Source.Path, ptr.Value(td.Def.Family))
	}
	if svc.TaskDef != td {
		t.Error("service not linked through module.task.arn")
	}
}

// Resources with a for_each known statically are one instance per key,
// addressed as Terraform addresses them, each seeing its each.key and
// each.value; count = 0 creates none.
func TestForEachInstances(t *testing.T) {
	f := loadClean(t, "testdata/foreach")
	if len(f.TaskDefinitions) != 2 || len(f.Services) != 2 {
		t.Fatalf("%d task definitions, %d services, want 2 each", len(f.TaskDefinitions), len(f.Services))
	}
	for _, name := range []string{"api", "web"} {
		svc := service(t, f, name)
		td := taskDef(t, f, name)
		if svc.TaskDef != td {
			t.Errorf("service %s not linked to task definition %s", name, name)
		}
		if want := `aws_ecs_service.this["` + name + `"]`; svc.Doc.Source.Path != want {
			t.Errorf("service address %s, want %s", svc.Doc.Source.Path, want)
		}
	}
	if cpu, mem := ptr.Value(taskDef(t, f, "web").Def.Cpu), ptr.Value(taskDef(t, f, "web").Def.Memory); cpu != "512" || mem != "1024" {
		t.Errorf("web: cpu %s memory %s, want each.value 512 and twice it", cpu, mem)
	}
}
