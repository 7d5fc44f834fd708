package fleet

import (
	"encoding/json"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonscan"
)

// A JSON file used to be checked whole (validate) before anything in it
// was decoded: a pass over every byte before the decoder's own, 4–6 % of
// an audit's CPU (issue 17). A file that is one JSON object, as AWS CLI
// output is, is now checked in the pass that decodes it (loadFolded):
// the object's member names, colons and commas are checked around its
// members; the member that names the file's shape, when it is met first
// (services in describe-services output, taskDefinition in
// describe-task-definition's…), is decoded where it lies, by the decoder,
// which reads only valid JSON (awsjson.DecodeStrict), or else checked by
// jsonscan.ValueEnd before encoding/json reads it; the other members are
// checked by jsonscan.ValueEnd. Only once the whole file is known to be
// valid are its members handed to the shape's loader, which takes the
// member already decoded (takePreloaded), so that the file loads exactly
// as if it had been checked first. A file found not to be valid JSON,
// however far in, leaves nothing of the folded pass behind: it is loaded
// as before, whose checks report the error where it lies.

// foldChecks is whether loadJSON checks an object in the pass that
// decodes it; the tests turn it off to compare with the check first.
var foldChecks = true

// folds reports whether l checks a JSON object file as it decodes it:
// not with encoding/json alone, nor in a translated document, whose
// sources point into the translation.
func (l *fileLoad) folds() bool { return foldChecks && !l.jsonOnly && l.tr == nil }

// loadFolded loads file, whose bytes data hold one JSON object opening at
// data[open], checking it as it is decoded. It reports false, having
// loaded nothing, when data is not valid JSON.
func (l *fileLoad) loadFolded(file string, data []byte, open int, named bool) bool {
	var keys []string
	var vals []json.RawMessage
	var pre *preloaded
	end, ok := eachValidMember(data, open, func(key span, at int) (end int, ok bool) {
		name := unquote(data[key.start:key.end])
		if pre == nil && at < len(data) && preloads(name, data[at]) {
			pre, end, ok = l.preload(file, name, data, at)
		} else {
			end, ok = jsonscan.ValueEnd(data, at, maxNesting-1)
		}
		if ok {
			keys = append(keys, name)
			vals = append(vals, json.RawMessage(data[at:end:end]))
		}
		return end, ok
	})
	if !ok || skipWS(data, end) != len(data) {
		return false
	}
	l.pre = pre
	l.loadObject(file, data, membersMap(keys, vals), named)
	l.pre = nil // not the member the shape's loader read: dropped
	return true
}

// preloaded is what loadFolded decoded of the member that names a
// file's shape, for the shape's loader to take.
type preloaded struct {
	key string
	raw []byte    // the member's value, in the file's bytes
	sub *fileLoad // what decoding it recorded
	// td and ok are a described task definition and whether it decoded.
	td *TaskDefinition
	ok bool
}

// preloadedArrays are the shapes whose loaders load the array of
// resources in the member that names them with loadArray, by that
// member's name, with the elem each of them gives loadArray.
var preloadedArrays = map[string]elem{
	"services":           serviceElem,
	"containerInstances": containerInstanceElem(""),
	"imageDetails":       imageElem,
	"TargetGroups":       targetGroupElem,
	"clusters":           clusterElem,
	"Subnets":            subnetElem,
	"Volumes":            volumeElem,
}

// preloads reports whether loadFolded decodes the member name, whose
// value starts with the byte c, where it lies: the array of a shape in
// preloadedArrays, or describe-task-definition's taskDefinition object.
func preloads(name string, c byte) bool {
	if name == "taskDefinition" {
		return c == '{'
	}
	return c == '[' && preloadedArrays[name] != nil
}

// preload decodes the member key, whose value starts at data[at], as its
// shape's loader would, into a fileLoad of its own that shares l's loan.
func (l *fileLoad) preload(file, key string, data []byte, at int) (*preloaded, int, bool) {
	sub := &fileLoad{jsonOnly: l.jsonOnly, prefix: l.prefix, loans: l.loans, loan: l.loan, dec: l.dec}
	p := &preloaded{key: key, sub: sub}
	var end int
	var valid bool
	if key == "taskDefinition" {
		p.td, p.ok, end, valid = sub.taskDefinitionAt(file, key, data, at, 1)
	} else {
		end, valid = sub.loadArrayAt(file, key, data, at, 1, preloadedArrays[key])
	}
	if !valid {
		return p, end, false
	}
	p.raw = data[at:end:end]
	return p, end, true
}

// takePreloaded returns what loadFolded decoded of the member key whose
// value is raw, having recorded it in l as the shape's loader would have,
// or nil when it decoded none of it (another member, another shape).
func (l *fileLoad) takePreloaded(key string, raw []byte) *preloaded {
	p := l.pre
	if p == nil || p.key != key || len(p.raw) != len(raw) || len(raw) == 0 || &p.raw[0] != &raw[0] {
		return nil
	}
	l.pre = nil
	l.merge(p.sub)
	return p
}
