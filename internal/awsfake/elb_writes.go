package awsfake

import (
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// writeQueryResult answers an awsQuery call: <OpResponse><OpResult>inner.
func writeQueryResult(w http.ResponseWriter, op, xmlns, inner string) {
	writeXML(w, fmt.Sprintf(`<%sResponse xmlns="%s"><%sResult>%s</%sResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></%sResponse>`, op, xmlns, op, inner, op, op))
}

func members[T any](name string, items []T) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<%s>", name)
	for _, it := range items {
		b.WriteString("<member>")
		queryXML(&b, reflect.ValueOf(it))
		b.WriteString("</member>")
	}
	fmt.Fprintf(&b, "</%s>", name)
	return b.String()
}

func (s *Server) elbCreateTargetGroup(w http.ResponseWriter, req request, e *Estate) *apiError {
	form, _ := parseForm(req.body)
	name := form.Get("Name")
	if name == "" {
		return &apiError{code: "ValidationError", msg: "Name is required"}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, tg := range e.TargetGroups {
		if ptr.Value(tg.TargetGroupName) == name {
			if string(tg.TargetType) != form.Get("TargetType") {
				return &apiError{code: "DuplicateTargetGroupName", msg: "A target group with the same name '" + name + "' exists, but with different settings"}
			}
			writeQueryResult(w, "CreateTargetGroup", elbXMLNS, members("TargetGroups", []elbtypes.TargetGroup{tg}))
			return nil
		}
	}
	port, _ := strconv.Atoi(form.Get("Port"))
	tg := elbtypes.TargetGroup{TargetGroupName: &name,
		TargetGroupArn: aws.String(fmt.Sprintf("arn:aws:elasticloadbalancing:%s:%s:targetgroup/%s/%016x", req.region, req.account, name, len(e.TargetGroups)+1000)),
		Protocol:       elbtypes.ProtocolEnum(form.Get("Protocol")), Port: aws.Int32(int32(port)), VpcId: aws.String(form.Get("VpcId")),
		TargetType: elbtypes.TargetTypeEnum(form.Get("TargetType")), HealthCheckPath: optional(form.Get("HealthCheckPath"))}
	e.TargetGroups = append(e.TargetGroups, tg)
	writeQueryResult(w, "CreateTargetGroup", elbXMLNS, members("TargetGroups", []elbtypes.TargetGroup{tg}))
	return nil
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (s *Server) elbDeleteTargetGroup(w http.ResponseWriter, req request, e *Estate) *apiError {
	form, _ := parseForm(req.body)
	arn := form.Get("TargetGroupArn")
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(e.loadBalancersOf(arn)) > 0 {
		return &apiError{code: "ResourceInUse", msg: "Target group '" + arn + "' is currently in use by a listener or a rule"}
	}
	for i, tg := range e.TargetGroups {
		if ptr.Value(tg.TargetGroupArn) == arn {
			e.TargetGroups = append(e.TargetGroups[:i:i], e.TargetGroups[i+1:]...)
			delete(e.Targets, arn)
			break
		}
	}
	writeQueryResult(w, "DeleteTargetGroup", elbXMLNS, "")
	return nil
}

func (s *Server) elbDescribeListeners(w http.ResponseWriter, req request, e *Estate) *apiError {
	form, _ := parseForm(req.body)
	lb := form.Get("LoadBalancerArn")
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []elbtypes.Listener
	for _, l := range e.Listeners {
		if ptr.Value(l.LoadBalancerArn) == lb {
			out = append(out, l)
		}
	}
	writeQueryResult(w, "DescribeListeners", elbXMLNS, members("Listeners", out))
	return nil
}

func (s *Server) elbDescribeRules(w http.ResponseWriter, req request, e *Estate) *apiError {
	form, _ := parseForm(req.body)
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []elbtypes.Rule
	if l := form.Get("ListenerArn"); l != "" {
		out = e.Rules[l]
	}
	for _, arn := range formList(form, "RuleArns.member") {
		for _, rules := range e.Rules {
			for _, r := range rules {
				if ptr.Value(r.RuleArn) == arn {
					out = append(out, r)
				}
			}
		}
	}
	writeQueryResult(w, "DescribeRules", elbXMLNS, members("Rules", out))
	return nil
}

func (s *Server) elbModifyListener(w http.ResponseWriter, req request, e *Estate) *apiError {
	form, _ := parseForm(req.body)
	l := form.Get("ListenerArn")
	actions, aerr := formActions(form, "DefaultActions.member")
	if aerr != nil {
		return aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if aerr := e.checkActions(actions); aerr != nil {
		return aerr
	}
	for i, ls := range e.Listeners {
		if ptr.Value(ls.ListenerArn) == l {
			e.Listeners[i].DefaultActions = actions
			for j, r := range e.Rules[l] {
				if ptr.Value(r.IsDefault) {
					e.Rules[l][j].Actions = actions
				}
			}
			writeQueryResult(w, "ModifyListener", elbXMLNS, members("Listeners", []elbtypes.Listener{e.Listeners[i]}))
			return nil
		}
	}
	return &apiError{code: "ListenerNotFound", msg: "One or more listeners not found"}
}

func (s *Server) elbModifyRule(w http.ResponseWriter, req request, e *Estate) *apiError {
	form, _ := parseForm(req.body)
	arn := form.Get("RuleArn")
	actions, aerr := formActions(form, "Actions.member")
	if aerr != nil {
		return aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if aerr := e.checkActions(actions); aerr != nil {
		return aerr
	}
	for l, rules := range e.Rules {
		for j, r := range rules {
			if ptr.Value(r.RuleArn) == arn {
				if ptr.Value(r.IsDefault) {
					return &apiError{code: "OperationNotPermitted", msg: "Default rule '" + arn + "' cannot be modified; modify the listener's default actions"}
				}
				e.Rules[l][j].Actions = actions
				writeQueryResult(w, "ModifyRule", elbXMLNS, members("Rules", []elbtypes.Rule{e.Rules[l][j]}))
				return nil
			}
		}
	}
	return &apiError{code: "RuleNotFound", msg: "One or more rules not found"}
}

// checkActions refuses a forward to a target group that does not exist.
func (e *Estate) checkActions(actions []elbtypes.Action) *apiError {
	for _, a := range actions {
		groups := []string{ptr.Value(a.TargetGroupArn)}
		if a.ForwardConfig != nil {
			for _, g := range a.ForwardConfig.TargetGroups {
				groups = append(groups, ptr.Value(g.TargetGroupArn))
			}
		}
		for _, g := range groups {
			if _, ok := findTargetGroup(e, g); g != "" && !ok {
				return &apiError{code: "TargetGroupNotFound", msg: "Target group '" + g + "' not found"}
			}
		}
	}
	return nil
}

// formActions reads a list of actions from awsQuery form fields.
func formActions(form url.Values, prefix string) ([]elbtypes.Action, *apiError) {
	var out []elbtypes.Action
	for i := 1; ; i++ {
		p := fmt.Sprintf("%s.%d.", prefix, i)
		typ := form.Get(p + "Type")
		if typ == "" {
			return out, nil
		}
		a := elbtypes.Action{Type: elbtypes.ActionTypeEnum(typ), TargetGroupArn: optional(form.Get(p + "TargetGroupArn"))}
		for j := 1; ; j++ {
			q := fmt.Sprintf("%sForwardConfig.TargetGroups.member.%d.", p, j)
			arn := form.Get(q + "TargetGroupArn")
			if arn == "" {
				break
			}
			if a.ForwardConfig == nil {
				a.ForwardConfig = &elbtypes.ForwardActionConfig{}
			}
			t := elbtypes.TargetGroupTuple{TargetGroupArn: &arn}
			if ws := form.Get(q + "Weight"); ws != "" {
				wt, err := strconv.Atoi(ws)
				if err != nil || wt < 0 || wt > 999 {
					return nil, &apiError{code: "ValidationError", msg: "Weight must be between 0 and 999"}
				}
				t.Weight = aws.Int32(int32(wt))
			}
			a.ForwardConfig.TargetGroups = append(a.ForwardConfig.TargetGroups, t)
		}
		if a.Type == elbtypes.ActionTypeEnumForward && a.TargetGroupArn == nil && a.ForwardConfig == nil {
			return nil, &apiError{code: "ValidationError", msg: "A forward action needs a target group"}
		}
		out = append(out, a)
	}
}

func (s *Server) elbDescribeTargetHealth(w http.ResponseWriter, req request, e *Estate) *apiError {
	form, _ := parseForm(req.body)
	arn := form.Get("TargetGroupArn")
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := findTargetGroup(e, arn); !ok {
		return &apiError{code: "TargetGroupNotFound", msg: "One or more target groups not found"}
	}
	writeQueryResult(w, "DescribeTargetHealth", elbXMLNS, members("TargetHealthDescriptions", e.Targets[arn]))
	return nil
}
