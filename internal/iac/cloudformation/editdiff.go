package cloudformation

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ecs2fargate/ecs2fargate/internal/fieldpath"
)

// opKind is what an edit does at a path.
type opKind int

const (
	opSet    opKind = iota // replace the value, or add the member
	opDelete               // remove the member or element
	opAppend               // add an element at the end of the array
)

// op is one difference between a resource's object as translated and as
// the rewrite wants it, at a path of the API's member names (relative to
// the resource object, which is the resource's Properties).
type op struct {
	kind  opKind
	path  fieldpath.Path
	value any // for opSet and opAppend, in the API's names
}

// diff lists the ops that turn before into after: members removed and
// added, values changed; arrays element by element when their lengths
// match, by deleting elements when after keeps some of before's in order,
// by appending when after extends before, else replaced whole.
func diff(before, after any, p fieldpath.Path, ops []op) []op {
	switch b := before.(type) {
	case omap:
		a, ok := after.(omap)
		if !ok {
			break
		}
		for _, e := range b {
			if _, kept := a.get(e.Key); !kept {
				ops = append(ops, op{kind: opDelete, path: p.Child(fieldpath.Key(e.Key))})
			}
		}
		for _, e := range a {
			q := p.Child(fieldpath.Key(e.Key))
			if bv, had := b.get(e.Key); had {
				ops = diff(bv, e.Value, q, ops)
			} else {
				ops = append(ops, op{kind: opSet, path: q, value: e.Value})
			}
		}
		return ops
	case []any:
		a, ok := after.([]any)
		if !ok {
			break
		}
		switch {
		case len(a) == len(b):
			for i := range b {
				ops = diff(b[i], a[i], p.Child(fieldpath.Index(i)), ops)
			}
			return ops
		case len(a) < len(b) && len(a) > 0:
			if gone, ok := dropped(b, a); ok {
				for i := len(gone) - 1; i >= 0; i-- {
					ops = append(ops, op{kind: opDelete, path: p.Child(fieldpath.Index(gone[i]))})
				}
				return ops
			}
		case len(a) > len(b) && len(b) > 0 && equalValue(b, a[:len(b)]):
			for _, v := range a[len(b):] {
				ops = append(ops, op{kind: opAppend, path: p, value: v})
			}
			return ops
		}
	}
	if !equalValue(before, after) {
		ops = append(ops, op{kind: opSet, path: p, value: after})
	}
	return ops
}

// dropped gives the indices of b that a leaves out when a is b with some
// elements removed, in order.
func dropped(b, a []any) ([]int, bool) {
	var gone []int
	j := 0
	for i := range b {
		if j < len(a) && equalValue(b[i], a[j]) {
			j++
			continue
		}
		gone = append(gone, i)
	}
	return gone, j == len(a)
}

// names maps the API's member names (the translated documents') to
// CloudFormation's property names for one resource type: PascalCase, a few
// renamed, and keys of user-owned maps (docker labels, log options) kept.
type names struct {
	renames map[string]string // lower-case API path pattern → CloudFormation name
}

var namesByType = map[string]names{
	TypeService: {renames: map[string]string{
		"clusterarn": "Cluster", "rolearn": "Role", "placementstrategy": "PlacementStrategies",
	}},
	TypeTargetGroup:    {renames: map[string]string{"targetgroupname": "Name"}},
	TypeTaskDefinition: {renames: map[string]string{"proxyconfiguration.properties": "ProxyConfigurationProperties"}},
}

// userMaps are the API paths (lower case, indices dropped) of maps whose
// keys the user names: written as they are.
var userMaps = map[string]bool{
	"containerdefinitions[].dockerlabels":                  true,
	"containerdefinitions[].logconfiguration.options":      true,
	"containerdefinitions[].firelensconfiguration.options": true,
	"volumes[].dockervolumeconfiguration.driveropts":       true,
	"volumes[].dockervolumeconfiguration.labels":           true,
}

// cfnName is the CloudFormation name of the API member key whose parent
// is at the API path parent.
func (n names) cfnName(parent fieldpath.Path, key string) string {
	pp := pattern(parent.String())
	if userMaps[pp] {
		return key
	}
	if r, ok := n.renames[joinPath(pp, strings.ToLower(key))]; ok {
		return r
	}
	r, size := utf8.DecodeRuneInString(key)
	return string(unicode.ToUpper(r)) + key[size:]
}

// cfnValue renames the members of a value written at the API path p.
func (n names) cfnValue(p fieldpath.Path, v any) any {
	switch x := v.(type) {
	case omap:
		out := make(omap, len(x))
		for i, e := range x {
			out[i] = omember{Key: n.cfnName(p, e.Key), Value: n.cfnValue(p.Child(fieldpath.Key(e.Key)), e.Value)}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = n.cfnValue(p.Child(fieldpath.Index(i)), e)
		}
		return out
	}
	return v
}
