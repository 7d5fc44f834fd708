package rewrite

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// Rewriting infrastructure as code in place (README "Rewriting Terraform
// and CloudFormation in place"): the rewrite runs on the fleet model as for
// any input; IaCRewrites turns its results into what each translated
// resource should become (fleet.Rewrite), and the resource's Editor writes
// that into the Terraform or CloudFormation source.

// IaC input names for the values a service needs that the code does not
// give (Rewrite.Inputs): the editor adds a variable or parameter for each.
const (
	subnetsPath        = "networkConfiguration.awsvpcConfiguration.subnets"
	securityGroupsPath = "networkConfiguration.awsvpcConfiguration.securityGroups"
)

// IaCRewrites gives the rewrite of every resource of r read from
// infrastructure as code (a file fleet.EditorOf knows): task definitions
// with a document, services with an update-service or create-service
// request, and the instance target groups those services replace by ip
// ones. The order is the fleet's: task definitions, services, then target
// groups.
func IaCRewrites(f *fleet.Fleet, r *Report) ([]fleet.Rewrite, error) {
	var out []fleet.Rewrite
	tds, err := taskDefinitionRewrites(f, r)
	if err != nil {
		return nil, err
	}
	out = append(out, tds...)
	svcs, tgs, err := serviceRewrites(f, r)
	if err != nil {
		return nil, err
	}
	return append(append(out, svcs...), tgs...), nil
}

// editable reports whether src is a resource translated from an IaC file
// whose translator can edit it, and its path in the translated document.
func editable(f *fleet.Fleet, src fleet.Source) (string, bool) {
	if _, _, ok := f.EditorOf(src.File); !ok {
		return "", false
	}
	return f.TranslatedPrefix(src)
}

func taskDefinitionRewrites(f *fleet.Fleet, r *Report) ([]fleet.Rewrite, error) {
	// Results carry the file and key of their input; a file holding two
	// resources of one family gives two results in the fleet's order.
	results := map[[2]string][]*Result{}
	for i := range r.TaskDefinitions {
		res := &r.TaskDefinitions[i]
		k := [2]string{res.Source, res.Key}
		results[k] = append(results[k], res)
	}
	var out []fleet.Rewrite
	for _, td := range f.TaskDefinitions {
		k := [2]string{td.Doc.Source.File, td.Key()}
		queue := results[k]
		if len(queue) == 0 {
			continue
		}
		res := queue[0]
		results[k] = queue[1:]
		prefix, ok := editable(f, td.Doc.Source)
		if !ok || res.Document == nil {
			continue
		}
		rw, err := resourceRewrite(td.Doc, prefix, fleet.RewriteTaskDefinition, res.Document, res.Changes)
		if err != nil {
			return nil, fmt.Errorf("task definition %s (%s): %w", td.Key(), td.Doc.Source.File, err)
		}
		out = append(out, rw)
	}
	return out, nil
}

// resourceRewrite is the Rewrite of a resource whose wanted object is
// after as it stands, less the values the source leaves unknown: those
// stay as the code writes them, and Changes say so when the rewrite wanted
// them otherwise.
func resourceRewrite(doc fleet.Doc, prefix string, kind fleet.RewriteKind, after []byte, changes []Change) (fleet.Rewrite, error) {
	want, err := decodeObject(after)
	if err != nil {
		return fleet.Rewrite{}, err
	}
	rw := fleet.Rewrite{File: doc.Source.File, Name: doc.Source.Path, Kind: kind, Prefix: prefix}
	for _, c := range changes {
		rw.Changes = append(rw.Changes, c.Path+": "+c.Message)
	}
	// The translation may hold a stand-in for an unknown value (a family
	// named after the resource's address); Before and After both leave
	// such values out, so the editor leaves them as the code writes them.
	raw, err := doc.Bytes()
	if err != nil {
		return fleet.Rewrite{}, err
	}
	had, err := decodeObject(raw)
	if err != nil {
		return fleet.Rewrite{}, err
	}
	orig, _ := decodeObject(raw)
	for _, p := range slices.Sorted(maps.Keys(doc.Unknown)) {
		deletePath(had, p)
		before, _ := lookupPath(orig, p)
		if got, set := lookupPath(want, p); set && deletePath(want, p) && !equalValues(before, got) {
			rw.Changes = append(rw.Changes, fmt.Sprintf("%s: left as the code sets it (%s); check that it suits Fargate", p, doc.Unknown[p]))
		}
	}
	if rw.Before, err = encodeObject(had); err != nil {
		return fleet.Rewrite{}, err
	}
	if rw.After, err = encodeObject(want); err != nil {
		return fleet.Rewrite{}, err
	}
	return rw, nil
}

// serviceRewrites gives the Rewrite of each translated service with a
// request, and of each translated target group a service replaces.
func serviceRewrites(f *fleet.Fleet, r *Report) (svcs, tgs []fleet.Rewrite, err error) {
	byID := map[[4]string]*ServiceResult{}
	for i := range r.Services {
		res := &r.Services[i]
		byID[[4]string{res.Account, res.Region, res.Cluster, res.Service}] = res
	}
	seenTG := map[fleet.Source]bool{}
	for _, s := range f.Services {
		res := byID[[4]string{s.Identity.Account, s.Identity.Region, s.Cluster, s.Name()}]
		if res == nil {
			continue
		}
		if prefix, ok := editable(f, s.Doc.Source); ok {
			rw, ok, err := serviceRewrite(s, prefix, res)
			if err != nil {
				return nil, nil, fmt.Errorf("service %s (%s): %w", serviceLabel(s), s.Doc.Source.File, err)
			}
			if ok {
				svcs = append(svcs, rw)
			}
		}
		for _, doc := range res.TargetGroups {
			tg := f.TargetGroup(doc.Replaces)
			if tg == nil || seenTG[tg.Doc.Source] {
				continue
			}
			prefix, ok := editable(f, tg.Doc.Source)
			if !ok {
				continue
			}
			seenTG[tg.Doc.Source] = true
			rw, err := targetGroupRewrite(tg, prefix, doc)
			if err != nil {
				return nil, nil, fmt.Errorf("target group %s (%s): %w", tg.Doc.Source.Path, tg.Doc.Source.File, err)
			}
			tgs = append(tgs, rw)
		}
	}
	return svcs, tgs, nil
}

// serviceRewrite derives what the service resource should become from its
// request: the launch type gives way to the request's capacity provider
// strategy, the request's network configuration and platform version are
// set (placeholder subnets and security groups become Inputs), placement
// constraints and strategies go. The task definition and load balancers
// stay as the code writes them: the code names its task definition
// resource, which the rewrite changes in place, and the editor points the
// load balancers at the ip target groups (see targetGroupRewrite).
func serviceRewrite(s *fleet.Service, prefix string, res *ServiceResult) (fleet.Rewrite, bool, error) {
	request := cmpBytes(res.UpdateService, res.CreateService)
	if request == nil {
		return fleet.Rewrite{}, false, nil
	}
	req, err := decodeObject(request)
	if err != nil {
		return fleet.Rewrite{}, false, err
	}
	raw, err := s.Doc.Bytes()
	if err != nil {
		return fleet.Rewrite{}, false, err
	}
	want, err := decodeObject(raw)
	if err != nil {
		return fleet.Rewrite{}, false, err
	}
	delete(want, "launchType")
	delete(want, "placementConstraints")
	delete(want, "placementStrategy")
	for _, m := range []string{"capacityProviderStrategy", "networkConfiguration", "platformVersion"} {
		if v, ok := req[m]; ok {
			want[m] = v
		}
	}
	if lt, ok := req["launchType"]; ok && req["capacityProviderStrategy"] == nil {
		want["launchType"] = lt // a create-service request may keep launchType FARGATE
	}
	inputs := map[string]string{}
	name := s.Name()
	if placeholderList(want, subnetsPath, placeholderSubnet) {
		deletePath(want, subnetsPath)
		inputs[subnetsPath] = "IDs of the subnets the tasks of service " + name + " run in (awsvpc network mode)"
	}
	if placeholderList(want, securityGroupsPath, placeholderSecurityGroup) {
		deletePath(want, securityGroupsPath)
		inputs[securityGroupsPath] = "IDs of the security groups of the tasks of service " + name
	}
	after, err := encodeObject(want)
	if err != nil {
		return fleet.Rewrite{}, false, err
	}
	rw, err := resourceRewrite(s.Doc, prefix, fleet.RewriteService, after, res.Changes)
	if err != nil {
		return fleet.Rewrite{}, false, err
	}
	if len(inputs) > 0 {
		rw.Inputs = inputs
	}
	if res.NotInPlace != "" {
		rw.Changes = append(rw.Changes, "the service cannot move in place ("+res.NotInPlace+"): applying this change replaces it")
	}
	return rw, true, nil
}

// placeholderList reports whether the list at p holds the placeholder.
func placeholderList(v any, p, placeholder string) bool {
	l, ok := lookupPath(v, p)
	if !ok {
		return false
	}
	items, _ := l.([]any)
	return slices.Contains(items, any(placeholder))
}

// targetGroupRewrite is the ip target group that stands in for tg: the
// same group with target type ip, the new group's name (when the code
// names it) and the port the service routes to. A target group's type
// cannot change in place, so the editor adds it beside the old one
// (Replacement).
func targetGroupRewrite(tg *fleet.TargetGroup, prefix string, doc TargetGroupDoc) (fleet.Rewrite, error) {
	raw, err := tg.Doc.Bytes()
	if err != nil {
		return fleet.Rewrite{}, err
	}
	want, err := decodeObject(raw)
	if err != nil {
		return fleet.Rewrite{}, err
	}
	want["TargetType"] = "ip"
	if _, named := want["TargetGroupName"]; named {
		want["TargetGroupName"] = doc.Name
	}
	if doc.Document != nil {
		if req, err := decodeObject(doc.Document); err == nil && req["Port"] != nil {
			want["Port"] = req["Port"]
		}
	}
	after, err := encodeObject(want)
	if err != nil {
		return fleet.Rewrite{}, err
	}
	rw, err := resourceRewrite(tg.Doc, prefix, fleet.RewriteTargetGroup, after, nil)
	if err != nil {
		return fleet.Rewrite{}, err
	}
	rw.Replacement = doc.Name
	rw.Changes = append(rw.Changes, fmt.Sprintf("TargetType: a new target group %s of type ip stands in for %s (type %s): Fargate tasks register by IP address, and a target group's type cannot change in place",
		doc.Name, cmp.Or(aws.ToString(tg.TG.TargetGroupName), tg.Doc.Source.Path), cmp.Or(string(tg.TG.TargetType), "instance")))
	return rw, nil
}

func decodeObject(b []byte) (map[string]any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return nil, fmt.Errorf("decoding the document: %w", err)
	}
	if m == nil {
		m = map[string]any{}
	}
	return m, nil
}

// encodeObject writes the object compactly with members sorted (the
// editors compare objects, not bytes).
func encodeObject(m map[string]any) ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(m); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func cmpBytes(a, b []byte) []byte {
	if a != nil {
		return a
	}
	return b
}

// equalValues compares two decoded JSON values.
func equalValues(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}
