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
	listeners, others := ed.redirect(path.Dir(f.path), typ, name, newName)
	attach := "no listener or rule in the module forwards to the old group: attach the new one to the load balancer before applying, as ECS takes a target group only when a listener forwards to it"
	if len(listeners) > 0 {
		attach = "ECS takes a target group only when a listener forwards to it, so the listeners and rules forwarding to the old group (" + strings.Join(listeners, ", ") +
			") now forward to both, the new one with weight 0, and the service depends on them: traffic stays on the EC2 tasks"
	}
	ed.note(f.path, block.DefRange().Start.Line, rw.Name, true,
		"target_type cannot change in place (it forces a new resource, %s): %s.%s of type ip is added beside it with create_before_destroy, and the service's load_balancer points at it. %s. "+
			"Once the Fargate tasks are healthy in %s.%s, shift the weights to it, then remove %s%s in a second change",
		providerTGDocs, typ, newName, attach, typ, newName, rw.Name, othersText(others))
	if len(listeners) == 0 {
		ed.problem(rw.Name, "no listener or rule in the module forwards to %s: attach %s.%s to the load balancer (a listener rule) before the service uses it, or ECS rejects the service update", rw.Name, typ, newName)
	}
}

// othersText names the other resources that still use the old group.
func othersText(others []string) string {
	if len(others) == 0 {
		return ""
	}
	return " (" + strings.Join(others, ", ") + " still refer to it)"
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

// listenerActions names, per listener resource type, its forwarding
// blocks.
var listenerActions = map[string]string{
	"aws_lb_listener": "default_action", "aws_alb_listener": "default_action",
	"aws_lb_listener_rule": "action", "aws_alb_listener_rule": "action",
}

// redirect points the load_balancer blocks of the module's services that
// use typ.name at typ.newName. ECS accepts a service's target group only
// when a listener or rule of a load balancer forwards to it, so every
// listener and rule forwarding to typ.name forwards to both groups, the
// new one with weight 0: traffic stays on the EC2 tasks until the weights
// are changed in a second step, and the services depend on those
// listeners, so that Terraform attaches the group before the service
// moves. It returns the listeners and rules changed and the other
// resources that still refer to typ.name.
func (ed *editor) redirect(dir, typ, name, newName string) (listeners, others []string) {
	type svc struct {
		f *editFile
		b *hclsyntax.Block
	}
	var services []svc
	for _, f := range ed.moduleFiles(dir) {
		for _, b := range f.hcl.Body.(*hclsyntax.Body).Blocks {
			if b.Type != "resource" || len(b.Labels) != 2 {
				continue
			}
			addr := b.Labels[0] + "." + b.Labels[1]
			switch {
			case b.Labels[0] == "aws_ecs_service":
				used := false
				for _, lb := range blocksOf(b.Body, "load_balancer") {
					if a, ok := lb.Body.Attributes["target_group_arn"]; ok && ed.redirectExpr(f, a.Expr, typ, name, newName) {
						used = true
					}
				}
				if used {
					services = append(services, svc{f, b})
				}
			case b.Labels[0] == typ && (b.Labels[1] == name || b.Labels[1] == newName):
			case listenerActions[b.Labels[0]] != "":
				if ed.forwardToBoth(f, b, typ, name, newName) {
					listeners = append(listeners, addr)
				} else if refersTo(b.Body, typ, name) {
					others = append(others, addr)
				}
			default:
				if refersTo(b.Body, typ, name) {
					others = append(others, addr)
				}
			}
		}
	}
	for _, s := range services {
		ed.dependOn(s.f, s.b, listeners)
	}
	return listeners, others
}

// forwardToBoth makes the forwarding actions of a listener or rule that
// send traffic to typ.name forward to typ.newName too, with weight 0.
func (ed *editor) forwardToBoth(f *editFile, b *hclsyntax.Block, typ, name, newName string) bool {
	changed := false
	for _, act := range blocksOf(b.Body, listenerActions[b.Labels[0]]) {
		if a, ok := act.Body.Attributes["target_group_arn"]; ok {
			oldRef, newRef, ok := ed.refTexts(f, a.Expr, typ, name, newName)
			if !ok {
				continue
			}
			s, e, _ := wholeLines(f.src, a.SrcRange.Start.Byte, a.SrcRange.End.Byte)
			ind := indentOf(f.src, a.SrcRange.Start.Byte)
			text := ind + "forward {\n" +
				ind + "  target_group {\n" + ind + "    arn    = " + oldRef + "\n" + ind + "    weight = 1\n" + ind + "  }\n\n" +
				ind + "  target_group {\n" + ind + "    arn    = " + newRef + "\n" + ind + "    weight = 0\n" + ind + "  }\n" +
				ind + "}\n"
			f.add(s, e, text)
			changed = true
			continue
		}
		for _, fw := range blocksOf(act.Body, "forward") {
			for _, tg := range blocksOf(fw.Body, "target_group") {
				a, ok := tg.Body.Attributes["arn"]
				if !ok {
					continue
				}
				if _, newRef, ok := ed.refTexts(f, a.Expr, typ, name, newName); ok {
					pending := []string{"target_group {\n  arn    = " + newRef + "\n  weight = 0\n}\n"}
					be, flush := ed.bodyEdit(f, b.Labels[0]+"."+b.Labels[1])
					be.insertAtEnd(fw, nil, pending)
					flush()
					changed = true
					break
				}
			}
		}
	}
	return changed
}

// refTexts gives the text of an expression that refers to typ.name, and
// the same text referring to typ.newName.
func (ed *editor) refTexts(f *editFile, e hclsyntax.Expression, typ, name, newName string) (string, string, bool) {
	es, ee := offsets(e.Range())
	for _, tr := range e.Variables() {
		if len(tr) < 2 || tr.RootName() != typ {
			continue
		}
		if attr, ok := tr[1].(hcl.TraverseAttr); ok && attr.Name == name {
			s, end := offsets(attr.SrcRange)
			old := string(f.src[es:ee])
			return old, old[:s-es] + "." + newName + old[end-es:], true
		}
	}
	return "", "", false
}

// dependOn makes a service depend on the listeners (depends_on), unless
// it does already.
func (ed *editor) dependOn(f *editFile, b *hclsyntax.Block, listeners []string) {
	var missing []string
	a, has := b.Body.Attributes["depends_on"]
	for _, l := range listeners {
		if !has || !refersTo(&hclsyntax.Body{Attributes: hclsyntax.Attributes{"d": a}}, strings.Split(l, ".")[0], strings.Split(l, ".")[1]) {
			missing = append(missing, l)
		}
	}
	if len(missing) == 0 {
		return
	}
	if !has {
		be, flush := ed.bodyEdit(f, b.Labels[0]+"."+b.Labels[1])
		be.insertAtEnd(b, []pendingAttr{{"depends_on", "[" + strings.Join(missing, ", ") + "]"}}, nil)
		flush()
		return
	}
	tuple, ok := a.Expr.(*hclsyntax.TupleConsExpr)
	if !ok {
		ed.problem(b.Labels[0]+"."+b.Labels[1], "depends_on is not a list; add %s to it by hand", strings.Join(missing, ", "))
		return
	}
	if n := len(tuple.Exprs); n > 0 {
		end := tuple.Exprs[n-1].Range().End.Byte
		f.add(end, end, ", "+strings.Join(missing, ", "))
		return
	}
	open := tuple.OpenRange.End.Byte
	f.add(open, open, strings.Join(missing, ", "))
}

// redirectExpr rewrites typ.name.x to typ.newName.x in e's references and
// reports whether there was one.
func (ed *editor) redirectExpr(f *editFile, e hclsyntax.Expression, typ, name, newName string) bool {
	found := false
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
		found = true
	}
	return found
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
