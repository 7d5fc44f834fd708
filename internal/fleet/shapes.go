package fleet

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonscan"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// shape is one kind of input document, recognised by a top-level member.
type shape struct {
	name string // for messages, e.g. "aws ecs describe-services"
	key  string // the member that identifies it
	load func(l *fileLoad, file string, top map[string]json.RawMessage, data []byte)
}

// shapes is checked in order; the first whose key is present wins.
var shapes = []shape{
	{"ecs2fargate snapshot", "schemaVersion", (*fileLoad).loadSnapshot},
	{"aws ecs describe-task-definition", "taskDefinition", (*fileLoad).loadDescribeTaskDefinition},
	{"aws ecs register-task-definition --cli-input-json", "containerDefinitions", (*fileLoad).loadRegisterTaskDefinition},
	{"aws ecs describe-services", "services", (*fileLoad).loadServices},
	{"aws ecs describe-container-instances", "containerInstances", (*fileLoad).loadContainerInstances},
	{"aws ec2 describe-instances", "Reservations", (*fileLoad).loadReservations},
	{"aws ecr describe-images", "imageDetails", (*fileLoad).loadImages},
	{"aws elbv2 describe-target-groups", "TargetGroups", (*fileLoad).loadTargetGroups},
	{"aws ecs describe-clusters", "clusters", (*fileLoad).loadClusters},
	{"aws ec2 describe-subnets", "Subnets", (*fileLoad).loadSubnets},
	{"aws ec2 describe-volumes", "Volumes", (*fileLoad).loadVolumes},
	{"aws cloudwatch get-metric-data", "MetricDataResults", (*fileLoad).loadMetricData},
}

// fits reports whether the identifying member's value is of the kind the
// shape has: a file found in a directory whose member is of another kind
// is not ours (a Docker Compose file's "services" is a mapping, not the
// array of describe-services), and is skipped, not reported as broken.
func (s shape) fits(v json.RawMessage) bool {
	i := skipWS(v, 0)
	if i >= len(v) {
		return false
	}
	switch s.key {
	case "schemaVersion":
		return true
	case "taskDefinition":
		return v[i] == '{'
	}
	return v[i] == '['
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
func (l *fileLoad) decodeItem(file, path string, raw []byte, dst any, skip ...string) bool {
	if len(skip) == 0 && l.decodeStrict(raw, dst) {
		return true
	}
	return l.decodeFull(file, path, raw, dst, skip...)
}

// elem makes, for one resource document found at src, its Doc (whose Raw
// the caller sets), the value to decode it into, and the addition to the
// builder to record once it decodes. l allocates them (see newIn).
type elem func(l *fileLoad, src Source) (doc *Doc, dst any, add func(*builder))

// newIn returns a new zero T for what l decodes to hold, allocated in the
// slab of Ts of l's Decoder (see awsjson.New): with the values decoded
// into it, apart from the garbage of decoding.
// Each is counted, for the builder to size its maps (see reserve).
func newIn[T any](l *fileLoad) *T {
	v := awsjson.New[T](l.dec)
	l.made.count(v)
	return v
}

// serviceElem loads a service without its events (see notRead). The fast
// decoder passes over them; encoding/json, where it decodes a service,
// decodes them, and they are dropped here (so with containerInstanceElem).
func serviceElem(l *fileLoad, src Source) (*Doc, any, func(*builder)) {
	s := newIn[Service](l)
	s.Doc.Source = src
	return &s.Doc, &s.Svc, func(b *builder) {
		s.Svc.Events = nil
		b.addService(s)
	}
}

// notRead names, by SDK type, the field the loader neither decodes nor
// checks: a service's events (describe-services returns up to 100 per
// service, and their messages are most of its bytes) and a container
// instance's remainingResources (a fifth of its bytes; its capacity is
// registeredResources). No rule, verdict, cost or report reads them, and
// the document's bytes (Doc.Bytes) still hold them for snapshots and
// rewrites; skipping them saves decoding time and the memory of keeping
// them.
var notRead = map[reflect.Type]string{
	reflect.TypeFor[ecstypes.Service]():           "Events",
	reflect.TypeFor[ecstypes.ContainerInstance](): "RemainingResources",
}

// skipNotRead has dec pass over the fields of notRead.
func skipNotRead(dec *awsjson.Decoder) {
	for t, field := range notRead {
		dec.Skip(t, field)
	}
}

// containerInstanceElem adds to cluster, or to the one in the ARN when "".
// Its remainingResources are not kept (see notRead).
func containerInstanceElem(cluster string) elem {
	return func(l *fileLoad, src Source) (*Doc, any, func(*builder)) {
		ci := newIn[ContainerInstance](l)
		ci.Doc.Source = src
		return &ci.Doc, &ci.CI, func(b *builder) {
			ci.CI.RemainingResources = nil
			b.addContainerInstance(ci, cluster)
		}
	}
}

// instanceElem adds an EC2 instance of the reservation owned by owner (the
// account; "" when the input does not say).
func instanceElem(owner string) elem {
	return func(l *fileLoad, src Source) (*Doc, any, func(*builder)) {
		in := newIn[Instance](l)
		in.Doc.Source = src
		return &in.Doc, &in.EC2, func(b *builder) { b.addInstance(in, owner) }
	}
}

func imageElem(l *fileLoad, src Source) (*Doc, any, func(*builder)) {
	img := newIn[Image](l)
	img.Doc.Source = src
	return &img.Doc, &img.Detail, func(b *builder) { b.addImage(img) }
}

func targetGroupElem(l *fileLoad, src Source) (*Doc, any, func(*builder)) {
	tg := newIn[TargetGroup](l)
	tg.Doc.Source = src
	return &tg.Doc, &tg.TG, func(b *builder) { b.addTargetGroup(tg) }
}

func volumeElem(l *fileLoad, src Source) (*Doc, any, func(*builder)) {
	v := newIn[Volume](l)
	v.Doc.Source = src
	return &v.Doc, &v.EC2, func(b *builder) { b.addVolume(v) }
}

func subnetElem(l *fileLoad, src Source) (*Doc, any, func(*builder)) {
	sn := newIn[Subnet](l)
	sn.Doc.Source = src
	return &sn.Doc, &sn.EC2, func(b *builder) { b.addSubnet(sn) }
}

func clusterElem(l *fileLoad, src Source) (*Doc, any, func(*builder)) {
	detail, doc := newIn[ecstypes.Cluster](l), &Doc{Source: src}
	return doc, detail, func(b *builder) { b.addClusterDetail(detail, *doc) }
}

// loadArray decodes each element of the array raw, the member at path, with
// newElem, and records the addition for each element that decodes. The
// fast decoder walks the array itself, so the elements are found in the
// same pass that decodes them; an element it leaves is cut out and
// decoded as decodeItem does. An array the file's own pass decoded
// already (see loadFolded) is taken from it.
func (l *fileLoad) loadArray(file, path string, raw json.RawMessage, newElem elem) {
	if l.takePreloaded(path, raw) != nil {
		return
	}
	open := skipWS(raw, 0)
	if l.jsonOnly || open >= len(raw) || raw[open] != '[' {
		l.loadItems(file, path, raw, newElem) // or says it is not an array
		return
	}
	l.loadArrayAt(file, path, raw, open, 0, newElem) // raw was checked with its file
}

// loadArrayAt is loadArray for the array that opens at data[open], inside
// outer objects and arrays, checking it as it goes: it returns the offset
// just past the array, and false as soon as the bytes are not valid JSON
// (then what it recorded must be dropped).
func (l *fileLoad) loadArrayAt(file, path string, data []byte, open, outer int, newElem elem) (int, bool) {
	i := skipWS(data, open+1)
	if i < len(data) && data[i] == ']' {
		return i + 1, true
	}
	for n := 0; ; n++ {
		at := path + "[" + strconv.Itoa(n) + "]"
		doc, dst, add := newElem(l, l.source(file, at))
		doc.Unknown = l.unknown()
		end, ok, valid := l.decodeValueAt(file, at, data, i, outer+1, dst)
		if !valid {
			return end, false
		}
		doc.Raw = data[i:end:end]
		l.held(doc)
		if ok {
			l.add(add)
			l.share(dst)
		}
		if i = skipWS(data, end); i >= len(data) {
			return i, false
		}
		switch data[i] {
		case ']':
			return i + 1, true
		case ',':
			i = skipWS(data, i+1)
		default:
			return i, false
		}
	}
}

// decodeValueAt decodes the value at data[i], inside outer objects and
// arrays, into dst as decodeItem decodes a document, and finds where it
// ends: the fast decoder checks what it reads; a value it leaves is
// checked, then decoded by encoding/json, or else by the full decoder,
// which reports each problem. valid is false, and nothing is reported,
// when the bytes at i are not one valid JSON value.
func (l *fileLoad) decodeValueAt(file, path string, data []byte, i, outer int, dst any) (end int, ok, valid bool) {
	if !l.jsonOnly {
		if end, ok = l.dec.DecodeAt(data, i, dst); ok {
			return end, true, true
		}
		reset(dst)
	}
	if end, valid = jsonscan.ValueEnd(data, i, maxNesting-outer); !valid {
		return end, false, false
	}
	raw := data[i:end:end]
	return end, decodeStrictJSON(raw, dst) || l.decodeFull(file, path, raw, dst), true
}

// loadItems is loadArray without the fast decoder: the elements cut out
// first, then each decoded as decodeItem does.
func (l *fileLoad) loadItems(file, path string, raw json.RawMessage, newElem elem) {
	for n, item := range items(file, path, raw, &l.diags) {
		l.loadItem(file, path+"["+strconv.Itoa(n)+"]", item, newElem)
	}
}

// loadItem is loadArray for one document, at path.
func (l *fileLoad) loadItem(file, path string, raw json.RawMessage, newElem elem) {
	doc, dst, add := newElem(l, l.source(file, path))
	doc.Unknown = l.unknown()
	doc.Raw = raw
	l.held(doc)
	if l.decodeItem(file, path, raw, dst) {
		l.add(add)
		l.share(dst)
	}
}

// decodeFull is the full decoder, which reports every unknown field and
// every value of the wrong type with its path.
func (l *fileLoad) decodeFull(file, path string, raw []byte, dst any, skip ...string) bool {
	v, err := generic(raw)
	if err != nil {
		l.diags = append(l.diags, errorf(file, path, "malformed JSON: %v", err))
		return false
	}
	obj, ok := v.(map[string]any)
	if !ok {
		l.diags = append(l.diags, errorf(file, path, "expected an object, found %s", jsonKind(v)))
		return false
	}
	for _, k := range skip {
		delete(obj, k)
	}
	decoder{file: file, diags: &l.diags}.decode(obj, reflect.ValueOf(dst).Elem(), path)
	return true
}

func (l *fileLoad) loadDescribeTaskDefinition(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "taskDefinition")
	td, ok := l.describedTaskDefinition(file, key, raw)
	if !ok {
		return
	}
	if tags, tkey, ok := member(top, "tags"); ok {
		l.decodeTags(file, tkey, tags, &td.Tags)
	}
	l.warnUnknownTop(file, top, "taskDefinition", "tags")
	l.add(func(b *builder) { b.addTaskDefinition(td) })
	l.share(&td.Def, &td.Tags)
}

// describedTaskDefinition decodes the taskDefinition member of
// describe-task-definition output, raw, the member named key, as
// decodeItem does; or takes what the file's own pass decoded of it (see
// loadFolded).
func (l *fileLoad) describedTaskDefinition(file, key string, raw []byte) (*TaskDefinition, bool) {
	if p := l.takePreloaded(key, raw); p != nil {
		return p.td, p.ok
	}
	td, ok, _, _ := l.taskDefinitionAt(file, key, raw, 0, 0) // raw was checked with its file
	return td, ok
}

// taskDefinitionAt is describedTaskDefinition for the value at data[i],
// inside outer objects and arrays, checking it as decodeValueAt does.
func (l *fileLoad) taskDefinitionAt(file, key string, data []byte, i, outer int) (td *TaskDefinition, ok bool, end int, valid bool) {
	td = newIn[TaskDefinition](l)
	td.Doc = Doc{Source: l.source(file, key)}
	l.heldLookingForNull(&td.Doc)
	td.Doc.Unknown = l.unknown()
	end, ok, valid = l.decodeValueAt(file, key, data, i, outer, &td.Def)
	td.Doc.Raw = data[i:end:end]
	return td, ok, end, valid
}

func (l *fileLoad) loadRegisterTaskDefinition(file string, top map[string]json.RawMessage, data []byte) {
	td := newIn[TaskDefinition](l)
	td.Doc, td.Registerable = Doc{Source: l.source(file, ""), Raw: data}, true
	l.heldLookingForNull(&td.Doc)
	td.Doc.Unknown = l.unknown()
	if !l.decodeItem(file, "", data, &td.Def, "tags") {
		return
	}
	if tags, tkey, ok := member(top, "tags"); ok {
		l.decodeTags(file, tkey, tags, &td.Tags)
	}
	l.add(func(b *builder) { b.addTaskDefinition(td) })
	l.share(&td.Def, &td.Tags)
}

func (l *fileLoad) decodeTags(file, path string, raw json.RawMessage, dst any) {
	// The fast decoder's success means the full decoder would build the
	// same tags and report nothing (see decodeStrict).
	if !l.jsonOnly && l.dec.DecodeStrict(raw, dst) {
		return
	}
	reset(dst)
	v, err := generic(raw)
	if err != nil {
		return
	}
	decoder{file: file, diags: &l.diags}.decode(v, reflect.ValueOf(dst).Elem(), path)
}

func (l *fileLoad) loadServices(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "services")
	l.loadArray(file, key, raw, serviceElem)
	l.reportFailures(file, top)
	l.warnUnknownTop(file, top, "services", "failures")
}

func (l *fileLoad) loadContainerInstances(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "containerInstances")
	l.loadArray(file, key, raw, containerInstanceElem(""))
	l.reportFailures(file, top)
	l.warnUnknownTop(file, top, "containerInstances", "failures")
}

func (l *fileLoad) loadReservations(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "Reservations")
	for i, res := range items(file, key, raw, &l.diags) {
		r, ok := objectMembers(res)
		if !ok {
			l.diags = append(l.diags, errorf(file, fmt.Sprintf("%s[%d]", key, i), "expected an object"))
			continue
		}
		l.warnUnknownMembers(file, fmt.Sprintf("%s[%d]", key, i), r, "Groups", "Instances", "OwnerId", "RequesterId", "ReservationId")
		insts, k, ok := member(r, "Instances")
		if !ok {
			continue
		}
		var owner string
		if raw, _, ok := member(r, "OwnerId"); ok {
			_ = json.Unmarshal(raw, &owner) // not a string: the account stays unknown
		}
		l.loadArray(file, fmt.Sprintf("%s[%d].%s", key, i, k), insts, instanceElem(owner))
	}
	l.warnUnknownTop(file, top, "Reservations")
}

func (l *fileLoad) loadImages(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "imageDetails")
	l.loadArray(file, key, raw, imageElem)
	l.warnUnknownTop(file, top, "imageDetails")
}

func (l *fileLoad) loadTargetGroups(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "TargetGroups")
	l.loadArray(file, key, raw, targetGroupElem)
	l.warnUnknownTop(file, top, "TargetGroups")
}

func (l *fileLoad) loadVolumes(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "Volumes")
	l.loadArray(file, key, raw, volumeElem)
	l.warnUnknownTop(file, top, "Volumes", "NextToken")
}

func (l *fileLoad) loadSubnets(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "Subnets")
	l.loadArray(file, key, raw, subnetElem)
	l.warnUnknownTop(file, top, "Subnets")
}

func (l *fileLoad) loadClusters(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "clusters")
	l.loadArray(file, key, raw, clusterElem)
	l.reportFailures(file, top)
	l.warnUnknownTop(file, top, "clusters", "failures")
}

// reportFailures turns the "failures" member of describe output (e.g. a
// service that is MISSING) into warnings: those resources were not read.
func (l *fileLoad) reportFailures(file string, top map[string]json.RawMessage) {
	raw, key, ok := member(top, "failures")
	if !ok {
		return
	}
	var fails []struct{ Arn, Reason, Detail string }
	if json.Unmarshal(raw, &fails) != nil {
		l.diags = append(l.diags, Diagnostic{File: file, Path: key, Level: LevelWarning,
			Message: "expected a list of failures with arn, reason and detail; it is ignored"})
		return
	}
	for i, f := range fails {
		msg := fmt.Sprintf("AWS reported a failure for %s: %s", f.Arn, f.Reason)
		if f.Detail != "" {
			msg += " (" + f.Detail + ")"
		}
		l.diags = append(l.diags, Diagnostic{File: file, Path: fmt.Sprintf("%s[%d]", key, i), Level: LevelWarning, Message: msg})
	}
}

// warnUnknownTop reports top-level members next to the known ones, which
// would otherwise vanish unnoticed.
func (l *fileLoad) warnUnknownTop(file string, top map[string]json.RawMessage, known ...string) {
	l.warnUnknownMembers(file, "", top, known...)
}

// pageTokens are the members AWS CLI output carries when it holds one page
// of several (--max-items, --no-paginate).
var pageTokens = []string{"NextToken", "NextMarker"}

// warnUnknownMembers reports the members of the object at path that are
// not among known: a pagination token as a partial read, anything else as
// ignored.
func (l *fileLoad) warnUnknownMembers(file, path string, obj map[string]json.RawMessage, known ...string) {
	for _, k := range slices.Sorted(maps.Keys(obj)) {
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
		l.diags = append(l.diags, Diagnostic{File: file, Path: joinPath(path, k), Level: LevelWarning, Message: msg})
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
