package terraform

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Provider facts the edits rest on, checked in the AWS provider's source
// and documentation (hashicorp/terraform-provider-aws,
// internal/service/ecs/service.go, and
// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service,
// .../lb_target_group, .../ecs_task_definition):
//   - aws_ecs_service launch_type is ForceNew but also Optional and
//     Computed: removing it from the code plans no change of its own,
//     while changing it (to FARGATE) would replace the service. The edit
//     removes it.
//   - capacity_provider_strategy changes of an existing service are made
//     in place, and the provider refuses them unless force_new_deployment
//     is true ("force_new_deployment should be true when
//     capacity_provider_strategy is being updated"); older provider
//     versions replaced the service when a strategy was added where there
//     was none. The edit sets force_new_deployment = true.
//   - aws_lb_target_group target_type and name force a new resource.
//   - every argument of aws_ecs_task_definition forces a new resource:
//     that is how Terraform registers a new revision.
const (
	providerServiceSource = "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/ecs/service.go"
	providerServiceDocs   = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service"
	providerTGDocs        = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_target_group"
)

func (ed *editor) taskDefinition(rw fleet.Rewrite, f *editFile, block *hclsyntax.Block, before, after map[string]any) {
	if ops := diffJSON(before[cdPath], after[cdPath], nil); len(ops) > 0 {
		if a, ok := block.Body.Attributes["container_definitions"]; ok {
			ed.editContainers(rw.Name, f, a.Expr, ops, 0)
		} else {
			ed.problem(rw.Name, "the rewrite changes the containers, but the resource has no container_definitions")
		}
	}
	delete(before, cdPath)
	delete(after, cdPath)
	for _, obj := range []map[string]any{before, after} {
		unmoveHostPaths(obj)
	}
	be, flush := ed.bodyEdit(f, rw.Name)
	be.edit(block, taskDefinitionSpec, before, after, "")
	flush()
	ed.note(f.path, block.DefRange().Start.Line, rw.Name, true,
		"the task definition is changed for Fargate; Terraform replaces aws_ecs_task_definition on any change (its arguments force a new resource), which registers a new revision, and the service moves to it in the same apply")
}

// unmoveHostPaths puts a volume's host.sourcePath back where the resource
// writes it (host_path), undoing the translation.
func unmoveHostPaths(obj map[string]any) {
	vols, _ := obj["volumes"].([]any)
	for _, v := range vols {
		vol, ok := v.(map[string]any)
		if !ok {
			continue
		}
		host, ok := vol["host"].(map[string]any)
		if !ok {
			continue
		}
		if sp, ok := host["sourcePath"]; ok {
			vol["hostPath"] = sp
		}
		delete(vol, "host")
	}
}

// serviceEditSpec is serviceSpec with force_new_deployment, which the
// edit sets (see the provider facts above).
var serviceEditSpec = append(append([]field{}, serviceSpec...), field{hcl: "force_new_deployment", json: "forceNewDeployment", kind: kBool})

func (ed *editor) service(rw fleet.Rewrite, f *editFile, block *hclsyntax.Block, before, after map[string]any) {
	for _, obj := range []map[string]any{before, after} {
		flattenService(obj)
	}
	for _, p := range sortedInputs(rw.Inputs) {
		ed.serviceInput(rw, f, block, after, p)
	}
	_, hadLaunch := block.Body.Attributes["launch_type"]
	strategyChanged := !equalJSON(before["capacityProviderStrategy"], after["capacityProviderStrategy"])
	if strategyChanged && after["capacityProviderStrategy"] != nil {
		if a, ok := block.Body.Attributes["force_new_deployment"]; !ok || strings.TrimSpace(string(f.src[a.Expr.Range().Start.Byte:a.Expr.Range().End.Byte])) != "true" {
			before["forceNewDeployment"] = !ok // absent: add it; set otherwise: replace it
			if !ok {
				delete(before, "forceNewDeployment")
			}
			after["forceNewDeployment"] = true
		}
	}
	be, flush := ed.bodyEdit(f, rw.Name)
	be.edit(block, serviceEditSpec, before, after, "")
	flush()
	if strategyChanged || hadLaunch {
		ed.note(f.path, block.DefRange().Start.Line, rw.Name, false,
			"moves to Fargate in place: launch_type is removed (the provider marks it ForceNew, but it is also Computed, so removing it plans no change) and a FARGATE capacity_provider_strategy is set with force_new_deployment = true, which the provider requires to change the strategy of an existing service (%s; %s). Provider versions before that change replace the service instead: check that `terraform plan` shows an update in place, not -/+",
			providerServiceSource, providerServiceDocs)
	}
}

// flattenService undoes the translation's nesting: the deployment
// settings and the awsvpc configuration are flat in aws_ecs_service.
func flattenService(obj map[string]any) {
	if dc, ok := obj["deploymentConfiguration"].(map[string]any); ok {
		for k, v := range dc {
			obj[k] = v
		}
		delete(obj, "deploymentConfiguration")
	}
	if nc, ok := obj["networkConfiguration"].(map[string]any); ok {
		if vpc, ok := nc["awsvpcConfiguration"]; ok {
			obj["awsvpcConfiguration"] = vpc
		}
		delete(obj, "networkConfiguration")
	}
}

func sortedInputs(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// serviceInput adds a variable for a value the code does not give (the
// tasks' subnets or security groups) and sets the argument to it.
func (ed *editor) serviceInput(rw fleet.Rewrite, f *editFile, block *hclsyntax.Block, after map[string]any, p string) {
	member := p[strings.LastIndex(p, ".")+1:]
	net, _ := after["awsvpcConfiguration"].(map[string]any)
	if net == nil || !strings.HasPrefix(p, "networkConfiguration.awsvpcConfiguration.") {
		ed.problem(rw.Name, "%s: the editor cannot add a variable for it; set it by hand", p)
		return
	}
	label := block.Labels[1]
	suffix := map[string]string{"subnets": "subnets", "securityGroups": "security_groups"}[member]
	if suffix == "" {
		suffix = strings.ToLower(member)
	}
	name := ed.addVariable(path.Dir(f.path), label+"_"+suffix, rw.Inputs[p])
	net[member] = rawExpr("var." + name)
	ed.note(f.path, block.DefRange().Start.Line, rw.Name, false, "variable %q added for %s: set it (in terraform.tfvars or with -var) before applying", name, rw.Inputs[p])
}

// addVariable declares a list(string) variable in the module in dir (in
// variables.tf when the module has one, else in the first .tf file) and
// returns its name, made unique among the module's variables.
func (ed *editor) addVariable(dir, base, description string) string {
	files := ed.moduleFiles(dir)
	taken := map[string]bool{}
	var target *editFile
	for _, f := range files {
		for _, b := range f.hcl.Body.(*hclsyntax.Body).Blocks {
			if b.Type == "variable" && len(b.Labels) == 1 {
				taken[b.Labels[0]] = true
			}
		}
		if path.Base(f.path) == "variables.tf" {
			target = f
		}
	}
	for _, s := range ed.files {
		for _, sp := range s.splices {
			for _, m := range variableDecl.FindAllStringSubmatch(sp.text, -1) {
				taken[m[1]] = true
			}
		}
	}
	if target == nil && len(files) > 0 {
		target = files[0]
	}
	name := base
	for i := 2; taken[name]; i++ {
		name = fmt.Sprintf("%s_%d", base, i)
	}
	if target == nil {
		return name
	}
	lead := "\n"
	if len(target.src) > 0 && target.src[len(target.src)-1] != '\n' {
		lead = "\n\n"
	}
	target.add(len(target.src), len(target.src), fmt.Sprintf("%svariable %q {\n  description = %q\n  type        = list(string)\n}\n", lead, name, description))
	return name
}

var variableDecl = regexp.MustCompile(`variable "([^"]+)"`)

// targetGroup adds the ip target group beside the instance one (its type
// cannot change in place: target_type forces a new resource) and points
// the module's services at it.
func (ed *editor) targetGroup(rw fleet.Rewrite, f *editFile, block *hclsyntax.Block, typ, name string, before, after map[string]any) {
	if rw.Replacement == "" {
		be, flush := ed.bodyEdit(f, rw.Name)
		be.edit(block, targetGroupSpec, before, after, "")
		flush()
		return
	}
	newName := ed.uniqueResourceName(path.Dir(f.path), typ, name+"_ip")
	s, e := offsets(block.Range())
	text := f.src[s:e]
	copyFile := &editFile{path: f.path, src: text}
	hf, diags := hclsyntax.ParseConfig(text, f.path, hcl.InitialPos)
	if diags.HasErrors() {
		ed.problem(rw.Name, "cannot copy the target group: %s", diags.Error())
		return
	}
	copyFile.hcl = hf
	cb := resourceBlock(hf, typ, name)
	ls, le := offsets(cb.LabelRanges[1])
	copyFile.add(ls, le, fmt.Sprintf("%q", newName))
	be, flush := ed.bodyEdit(copyFile, rw.Name)
	delete(before, "TargetGroupArn")
	delete(after, "TargetGroupArn")
	if _, ok := cb.Body.Attributes["name"]; !ok {
		delete(after, "TargetGroupName") // name_prefix or a generated name: both groups can coexist
	}
	be.edit(cb, targetGroupSpec, before, after, "")
	if len(blocksOf(cb.Body, "lifecycle")) == 0 {
		be.insertAtEnd(cb, nil, []string{"lifecycle {\n  create_before_destroy = true\n}\n"})
	}
	flush()
	copyFile.hcl = nil // formatted with the file it goes into
	copied, err := copyFile.result()
	if err != nil {
		ed.problem(rw.Name, "%v", err)
		return
	}
	f.add(e, e, "\n\n"+string(copied))
	users := ed.redirect(path.Dir(f.path), typ, name, newName)
	ed.note(f.path, block.DefRange().Start.Line, rw.Name, true,
		"target_type cannot change in place (it forces a new resource, %s): %s.%s of type ip is added beside it with create_before_destroy, and the service's load_balancer points at it. Apply, wait until its targets are healthy, then point %s at %s.%s and remove %s in a second change",
		providerTGDocs, typ, newName, orText(users, "the listeners and rules that forward to the old group"), typ, newName, rw.Name)
}

func orText(list []string, def string) string {
	if len(list) == 0 {
		return def
	}
	return strings.Join(list, ", ")
}

// uniqueResourceName is base, or base with a number, unused by resources
// of typ in the module in dir.
func (ed *editor) uniqueResourceName(dir, typ, base string) string {
	taken := map[string]bool{}
	for _, f := range ed.moduleFiles(dir) {
		for _, b := range f.hcl.Body.(*hclsyntax.Body).Blocks {
			if b.Type == "resource" && len(b.Labels) == 2 && b.Labels[0] == typ {
				taken[b.Labels[1]] = true
			}
		}
	}
	name := base
	for i := 2; taken[name]; i++ {
		name = fmt.Sprintf("%s%d", base, i)
	}
	return name
}

// redirect points the load_balancer blocks of the module's services that
// use typ.name at typ.newName, and lists the other resources that still
// refer to typ.name (listeners, listener rules).
func (ed *editor) redirect(dir, typ, name, newName string) []string {
	var others []string
	for _, f := range ed.moduleFiles(dir) {
		for _, b := range f.hcl.Body.(*hclsyntax.Body).Blocks {
			if b.Type != "resource" || len(b.Labels) != 2 {
				continue
			}
			addr := b.Labels[0] + "." + b.Labels[1]
			if b.Labels[0] == "aws_ecs_service" {
				for _, lb := range blocksOf(b.Body, "load_balancer") {
					if a, ok := lb.Body.Attributes["target_group_arn"]; ok {
						ed.redirectExpr(f, a.Expr, typ, name, newName)
					}
				}
				continue
			}
			if b.Labels[0] == typ && (b.Labels[1] == name || b.Labels[1] == newName) {
				continue
			}
			if refersTo(b.Body, typ, name) {
				others = append(others, addr)
			}
		}
	}
	return others
}

// redirectExpr rewrites typ.name.x to typ.newName.x in e's references.
func (ed *editor) redirectExpr(f *editFile, e hclsyntax.Expression, typ, name, newName string) {
	for _, tr := range e.Variables() {
		if len(tr) < 2 || tr.RootName() != typ {
			continue
		}
		attr, ok := tr[1].(hcl.TraverseAttr)
		if !ok || attr.Name != name {
			continue
		}
		s, end := offsets(attr.SrcRange)
		f.add(s, end, "."+newName)
	}
}

// refersTo reports whether a body refers to typ.name anywhere.
func refersTo(body *hclsyntax.Body, typ, name string) bool {
	found := false
	hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
		if x, ok := n.(*hclsyntax.ScopeTraversalExpr); ok && len(x.Traversal) >= 2 && x.Traversal.RootName() == typ {
			if a, ok := x.Traversal[1].(hcl.TraverseAttr); ok && a.Name == name {
				found = true
			}
		}
		return nil
	})
	return found
}
