package cloudformation

import (
	"encoding/json"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/ecs2fargate/ecs2fargate/internal/fieldpath"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonedit"
)

// Listener and listener rule types, whose actions forward to target groups.
const (
	typeListener     = "AWS::ElasticLoadBalancingV2::Listener"
	typeListenerRule = "AWS::ElasticLoadBalancingV2::ListenerRule"
)

// targetGroup writes an ip target group beside an instance one: TargetType
// is create-only, so changing it in place would replace the target group
// while listeners and the service still use it. The new resource is a copy
// of the old under a new logical ID (and a new Name when it has one, since
// names are unique); the old one stays until its listeners are moved.
func (f *fileEdit) targetGroup(rw fleet.Rewrite) {
	ops, ok := f.ops(rw)
	if !ok {
		return
	}
	nm := namesByType[TypeTargetGroup]
	var kept []op
	for _, o := range ops {
		switch strings.ToLower(o.path[0].Key) {
		case "targetgroupname", "targetgrouparn":
			continue // the name is handled below; the ARN is CloudFormation's
		}
		kept = append(kept, o)
	}
	if rw.Replacement == "" {
		f.applyAll(rw.Name, kept, nm)
		return
	}
	newID := f.parameterName(rw.Name + "Ip")
	if err := f.copyResource(rw.Name, newID); err != nil {
		f.diag(rw.Name, nil, "not edited: cannot add the ip target group: %v", err)
		return
	}
	f.replaced[rw.Name] = newID
	f.applyAll(newID, kept, nm)
	if k, v := findKey(deref(f.e.t.Resource(newID).Props), "Name"); k != nil {
		if name, ok := replacementName(deref(v), rw.Replacement); ok {
			f.applyAll(newID, []op{{kind: opSet, path: fieldpath.Keys("TargetGroupName"), value: name}}, nm)
		} else {
			f.diag(newID, fieldpath.Keys("Name"), "give %s a Name other than %s's: target group names are unique in a region", newID, rw.Name)
		}
	}
	f.note(newID, true, "%s cannot change TargetType in place (a create-only property: CloudFormation would replace it while its listeners use it), "+
		"so %s is added beside it with TargetType ip and the service registers its tasks there", rw.Name, newID)
	for _, l := range f.listenersOf(rw.Name) {
		f.attach(l, rw.Name, newID)
	}
}

// attach adds the ip target group to a listener's or rule's forward actions
// to the instance one, with weight 0: ECS registers a service's tasks only
// in a target group that a load balancer uses, and weight 0 keeps all the
// traffic on the instance target group until the Fargate tasks are
// healthy; then the user moves the weights
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-elasticloadbalancingv2-listener-forwardconfig.html).
func (f *fileEdit) attach(id, old, newID string) {
	r := f.e.t.Resource(id)
	list := "DefaultActions"
	if r.Type == typeListenerRule {
		list = "Actions"
	}
	_, actions := findKey(deref(r.Props), list)
	if actions == nil || actions.Kind != yaml.SequenceNode {
		f.diag(id, nil, "forwards to %s other than by its %s: add %s to its forward action by hand (ECS needs the target group on a load balancer)", old, list, newID)
		return
	}
	attached := false
	for i, a := range actions.Content {
		_, arn := findKey(deref(a), "TargetGroupArn")
		if arn == nil || refID(arn) != old {
			continue
		}
		if k, _ := findKey(deref(a), "ForwardConfig"); k != nil {
			f.diag(id, nil, "action %d forwards to %s with a ForwardConfig: add %s to it by hand with weight 0", i, old, newID)
			continue
		}
		at := fieldpath.Path{fieldpath.Key(list), fieldpath.Index(i)}
		weighted := omap{{Key: "TargetGroups", Value: []any{
			omap{{Key: "TargetGroupArn", Value: refTo(old)}, {Key: "Weight", Value: json.Number("1")}},
			omap{{Key: "TargetGroupArn", Value: refTo(newID)}, {Key: "Weight", Value: json.Number("0")}},
		}}}
		f.applyAll(id, []op{
			{kind: opDelete, path: at.Child(fieldpath.Key("TargetGroupArn"))},
			{kind: opSet, path: at.Child(fieldpath.Key("ForwardConfig")), value: weighted},
		}, names{})
		attached = true
	}
	if attached {
		f.note(id, false, "%s now forwards to %s (weight 1) and %s (weight 0), so that ECS can register the Fargate tasks in %s: "+
			"once they are healthy there, set the weights to 0 and 1, then remove %s", id, old, newID, newID, old)
	}
}

// copyResource adds a copy of resource id as newID, after it in YAML, at
// the end of Resources in JSON.
func (f *fileEdit) copyResource(id, newID string) error {
	e := f.e
	if e.json {
		old, ok := jsonedit.Get(e.src, fieldpath.Keys("Resources", id))
		if !ok {
			return errNotInTemplate(id)
		}
		return e.jsonEdit(func(d []byte) ([]byte, error) {
			return jsonedit.Set(d, fieldpath.Keys("Resources", newID), append([]byte(nil), old...))
		})
	}
	r := e.t.Resource(id)
	if r.Key.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		return errQuotedKey(id)
	}
	txt := newYAMLText(e.src)
	from := txt.lineStart(txt.start(r.Key))
	to := txt.lineEnd(txt.end(r.Value, false))
	block := string(e.src[from:to])
	at := txt.start(r.Key) - from
	block = block[:at] + newID + block[at+len(id):]
	if !strings.HasSuffix(block, "\n") {
		block += "\n"
	}
	return e.splice(to, to, "\n"+block)
}

type errNotInTemplate string

func (e errNotInTemplate) Error() string { return "the template has no resource " + string(e) }

type errQuotedKey string

func (e errQuotedKey) Error() string {
	return "the logical ID " + string(e) + " is quoted; copy the resource by hand"
}

// listenersOf lists the listeners and listener rules that refer to the
// target group id.
func (f *fileEdit) listenersOf(id string) []string {
	var out []string
	for _, r := range f.e.t.Resources {
		if (r.Type == typeListener || r.Type == typeListenerRule) && refersTo(r.Props, id) {
			out = append(out, r.ID)
		}
	}
	return out
}

func refersTo(n *yaml.Node, id string) bool {
	n = deref(n)
	if n == nil {
		return false
	}
	if refID(n) == id {
		return true
	}
	for _, c := range n.Content {
		if refersTo(c, id) {
			return true
		}
	}
	return false
}

// replacementName is the Name of the ip target group copied from one named
// n: the rewrite's name for a literal, the same text with "-ip" for a
// !Ref of a parameter or a !Sub of a string (target group names are
// unique in a region and at most 32 characters long,
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html).
func replacementName(n *yaml.Node, literal string) (any, bool) {
	if _, _, fn := intrinsic(n); !fn && n.Kind == yaml.ScalarNode {
		return literal, true
	}
	return suffixedName(n, "-ip")
}
