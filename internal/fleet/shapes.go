package fleet

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// shape is one kind of input document, recognised by a top-level member.
type shape struct {
	name string // for messages, e.g. "aws ecs describe-services"
	key  string // the member that identifies it
	load func(b *builder, file string, top map[string]json.RawMessage, data []byte)
}

// shapes is checked in order; the first whose key is present wins.
var shapes = []shape{
	{"ecs2fargate snapshot", "schemaVersion", (*builder).loadSnapshot},
	{"aws ecs describe-task-definition", "taskDefinition", (*builder).loadDescribeTaskDefinition},
	{"aws ecs register-task-definition --cli-input-json", "containerDefinitions", (*builder).loadRegisterTaskDefinition},
	{"aws ecs describe-services", "services", (*builder).loadServices},
	{"aws ecs describe-container-instances", "containerInstances", (*builder).loadContainerInstances},
	{"aws ec2 describe-instances", "Reservations", (*builder).loadReservations},
	{"aws ecr describe-images", "imageDetails", (*builder).loadImages},
	{"aws elbv2 describe-target-groups", "TargetGroups", (*builder).loadTargetGroups},
	{"aws ecs describe-clusters", "clusters", (*builder).loadClusters},
	{"aws ec2 describe-subnets", "Subnets", (*builder).loadSubnets},
}

// ShapeNames lists the input shapes the loader recognises, for help texts.
func ShapeNames() []string {
	out := make([]string, len(shapes))
	for i, s := range shapes {
		out[i] = s.name
	}
	return out
}

// decodeItem decodes one document into dst (a pointer to an SDK struct),
// recording unknown fields and type errors under the document's path.
func (b *builder) decodeItem(file, path string, raw []byte, dst any, skip ...string) bool {
	if len(skip) == 0 && decodeStrict(raw, dst) {
		return true
	}
	return b.decodeFull(file, path, raw, dst, skip...)
}

// decodeElem is decodeItem for the next element of an array that sa
// decodes in turn; raw is that element.
func (b *builder) decodeElem(sa *strictArray, file, path string, raw []byte, dst any) bool {
	if sa.next(dst) {
		return true
	}
	return b.decodeFull(file, path, raw, dst)
}

// decodeFull is the full decoder, which reports every unknown field and
// every value of the wrong type with its path.
func (b *builder) decodeFull(file, path string, raw []byte, dst any, skip ...string) bool {
	v, err := generic(raw)
	if err != nil {
		b.diags = append(b.diags, errorf(file, path, "malformed JSON: %v", err))
		return false
	}
	obj, ok := v.(map[string]any)
	if !ok {
		b.diags = append(b.diags, errorf(file, path, "expected an object, found %s", jsonKind(v)))
		return false
	}
	for _, k := range skip {
		delete(obj, k)
	}
	decoder{file: file, diags: &b.diags}.decode(obj, reflect.ValueOf(dst).Elem(), path)
	return true
}

func (b *builder) loadDescribeTaskDefinition(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "taskDefinition")
	td := &TaskDefinition{Doc: Doc{Source: Source{File: file, Path: key}, Raw: raw}}
	if !b.decodeItem(file, key, raw, &td.Def) {
		return
	}
	if tags, tkey, ok := member(top, "tags"); ok {
		b.decodeTags(file, tkey, tags, &td.Tags)
	}
	b.warnUnknownTop(file, top, "taskDefinition", "tags")
	b.addTaskDefinition(td)
}

func (b *builder) loadRegisterTaskDefinition(file string, top map[string]json.RawMessage, data []byte) {
	td := &TaskDefinition{Doc: Doc{Source: Source{File: file}, Raw: data}, Registerable: true}
	if !b.decodeItem(file, "", data, &td.Def, "tags") {
		return
	}
	if tags, tkey, ok := member(top, "tags"); ok {
		b.decodeTags(file, tkey, tags, &td.Tags)
	}
	b.addTaskDefinition(td)
}

func (b *builder) decodeTags(file, path string, raw json.RawMessage, dst any) {
	v, err := generic(raw)
	if err != nil {
		return
	}
	decoder{file: file, diags: &b.diags}.decode(v, reflect.ValueOf(dst).Elem(), path)
}

func (b *builder) loadServices(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "services")
	sa := newStrictArray(raw)
	for i, item := range items(file, key, raw, &b.diags) {
		path := fmt.Sprintf("%s[%d]", key, i)
		s := &Service{Doc: Doc{Source: Source{File: file, Path: path}, Raw: item}}
		if b.decodeElem(sa, file, path, item, &s.Svc) {
			b.addService(s)
		}
	}
	b.reportFailures(file, top)
	b.warnUnknownTop(file, top, "services", "failures")
}

func (b *builder) loadContainerInstances(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "containerInstances")
	sa := newStrictArray(raw)
	for i, item := range items(file, key, raw, &b.diags) {
		path := fmt.Sprintf("%s[%d]", key, i)
		ci := &ContainerInstance{Doc: Doc{Source: Source{File: file, Path: path}, Raw: item}}
		if b.decodeElem(sa, file, path, item, &ci.CI) {
			b.addContainerInstance(ci, "")
		}
	}
	b.reportFailures(file, top)
	b.warnUnknownTop(file, top, "containerInstances", "failures")
}

func (b *builder) loadReservations(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "Reservations")
	for i, res := range items(file, key, raw, &b.diags) {
		var r map[string]json.RawMessage
		if err := json.Unmarshal(res, &r); err != nil {
			b.diags = append(b.diags, errorf(file, fmt.Sprintf("%s[%d]", key, i), "expected an object"))
			continue
		}
		b.warnUnknownMembers(file, fmt.Sprintf("%s[%d]", key, i), r, "Groups", "Instances", "OwnerId", "RequesterId", "ReservationId")
		insts, k, ok := member(r, "Instances")
		if !ok {
			continue
		}
		sa := newStrictArray(insts)
		for j, item := range items(file, fmt.Sprintf("%s[%d].%s", key, i, k), insts, &b.diags) {
			path := fmt.Sprintf("%s[%d].%s[%d]", key, i, k, j)
			in := &Instance{Doc: Doc{Source: Source{File: file, Path: path}, Raw: item}}
			if b.decodeElem(sa, file, path, item, &in.EC2) {
				b.addInstance(in)
			}
		}
	}
	b.warnUnknownTop(file, top, "Reservations")
}

func (b *builder) loadImages(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "imageDetails")
	sa := newStrictArray(raw)
	for i, item := range items(file, key, raw, &b.diags) {
		path := fmt.Sprintf("%s[%d]", key, i)
		img := &Image{Doc: Doc{Source: Source{File: file, Path: path}, Raw: item}}
		if b.decodeElem(sa, file, path, item, &img.Detail) {
			b.addImage(img)
		}
	}
	b.warnUnknownTop(file, top, "imageDetails")
}

func (b *builder) loadTargetGroups(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "TargetGroups")
	sa := newStrictArray(raw)
	for i, item := range items(file, key, raw, &b.diags) {
		path := fmt.Sprintf("%s[%d]", key, i)
		tg := &TargetGroup{Doc: Doc{Source: Source{File: file, Path: path}, Raw: item}}
		if b.decodeElem(sa, file, path, item, &tg.TG) {
			b.addTargetGroup(tg)
		}
	}
	b.warnUnknownTop(file, top, "TargetGroups")
}

func (b *builder) loadSubnets(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "Subnets")
	sa := newStrictArray(raw)
	for i, item := range items(file, key, raw, &b.diags) {
		path := fmt.Sprintf("%s[%d]", key, i)
		sn := &Subnet{Doc: Doc{Source: Source{File: file, Path: path}, Raw: item}}
		if b.decodeElem(sa, file, path, item, &sn.EC2) {
			b.addSubnet(sn)
		}
	}
	b.warnUnknownTop(file, top, "Subnets")
}

func (b *builder) loadClusters(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "clusters")
	sa := newStrictArray(raw)
	for i, item := range items(file, key, raw, &b.diags) {
		path := fmt.Sprintf("%s[%d]", key, i)
		detail := &ecstypes.Cluster{}
		if b.decodeElem(sa, file, path, item, detail) {
			b.addClusterDetail(detail, Doc{Source: Source{File: file, Path: path}, Raw: item})
		}
	}
	b.reportFailures(file, top)
	b.warnUnknownTop(file, top, "clusters", "failures")
}

// reportFailures turns the "failures" member of describe output (e.g. a
// service that is MISSING) into warnings: those resources were not read.
func (b *builder) reportFailures(file string, top map[string]json.RawMessage) {
	raw, key, ok := member(top, "failures")
	if !ok {
		return
	}
	var fails []struct{ Arn, Reason, Detail string }
	if json.Unmarshal(raw, &fails) != nil {
		b.diags = append(b.diags, Diagnostic{File: file, Path: key, Level: LevelWarning,
			Message: "expected a list of failures with arn, reason and detail; it is ignored"})
		return
	}
	for i, f := range fails {
		msg := fmt.Sprintf("AWS reported a failure for %s: %s", f.Arn, f.Reason)
		if f.Detail != "" {
			msg += " (" + f.Detail + ")"
		}
		b.diags = append(b.diags, Diagnostic{File: file, Path: fmt.Sprintf("%s[%d]", key, i), Level: LevelWarning, Message: msg})
	}
}

// warnUnknownTop reports top-level members next to the known ones, which
// would otherwise vanish unnoticed.
func (b *builder) warnUnknownTop(file string, top map[string]json.RawMessage, known ...string) {
	b.warnUnknownMembers(file, "", top, known...)
}

// pageTokens are the members AWS CLI output carries when it holds one page
// of several (--max-items, --no-paginate).
var pageTokens = []string{"NextToken", "NextMarker"}

// warnUnknownMembers reports the members of the object at path that are
// not among known: a pagination token as a partial read, anything else as
// ignored.
func (b *builder) warnUnknownMembers(file, path string, obj map[string]json.RawMessage, known ...string) {
	for _, k := range sortedKeys(obj) {
		if containsFold(known, k) {
			continue
		}
		msg := fmt.Sprintf("field %q is not part of this output shape; it is ignored", k)
		if path == "" {
			msg = "top-level " + msg
		}
		if containsFold(pageTokens, k) {
			msg = fmt.Sprintf("the output holds one page of several (%s is set), so the resources on the other pages were not read; "+
				"run the command again without --max-items or --no-paginate", k)
		}
		b.diags = append(b.diags, Diagnostic{File: file, Path: joinPath(path, k), Level: LevelWarning, Message: msg})
	}
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
