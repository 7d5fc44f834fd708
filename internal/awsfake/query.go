package awsfake

import (
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"time"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
)

const elbXMLNS = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"

func (s *Server) elbDescribeTargetGroups(w http.ResponseWriter, req request, e *Estate) *apiError {
	form, _ := parseForm(req.body)
	arns := formList(form, "TargetGroupArns.member")
	var found []elbtypes.TargetGroup
	for _, arn := range arns {
		tg, ok := findTargetGroup(e, arn)
		if !ok {
			return &apiError{code: "TargetGroupNotFound", msg: "One or more target groups not found"}
		}
		found = append(found, tg)
	}
	if len(arns) == 0 {
		found = e.TargetGroups
	}
	s.mu.Lock()
	for i := range found {
		if lbs := e.loadBalancersOf(ptr.Value(found[i].TargetGroupArn)); len(lbs) > 0 {
			found[i].LoadBalancerArns = lbs
		}
	}
	s.mu.Unlock()
	var b strings.Builder
	fmt.Fprintf(&b, `<DescribeTargetGroupsResponse xmlns="%s"><DescribeTargetGroupsResult><TargetGroups>`, elbXMLNS)
	for _, tg := range found {
		b.WriteString("<member>")
		queryXML(&b, reflect.ValueOf(tg))
		b.WriteString("</member>")
	}
	b.WriteString(`</TargetGroups></DescribeTargetGroupsResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></DescribeTargetGroupsResponse>`)
	writeXML(w, b.String())
	return nil
}

func findTargetGroup(e *Estate, arn string) (elbtypes.TargetGroup, bool) {
	for _, tg := range e.TargetGroups {
		if ptr.Value(tg.TargetGroupArn) == arn {
			return tg, true
		}
	}
	return elbtypes.TargetGroup{}, false
}

// queryXML writes a struct's members as awsQuery XML: elements named as
// the members (the SDK's Go names), lists as <member> items.
func queryXML(b *strings.Builder, v reflect.Value) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		fv := v.Field(i)
		if !f.IsExported() || omitXML(fv) {
			continue
		}
		fmt.Fprintf(b, "<%s>", f.Name)
		queryValue(b, fv)
		fmt.Fprintf(b, "</%s>", f.Name)
	}
}

func queryValue(b *strings.Builder, v reflect.Value) {
	for v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if t, ok := v.Interface().(time.Time); ok {
		b.WriteString(t.UTC().Format(time.RFC3339))
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		queryXML(b, v)
	case reflect.Slice:
		for j := 0; j < v.Len(); j++ {
			b.WriteString("<member>")
			queryValue(b, v.Index(j))
			b.WriteString("</member>")
		}
	case reflect.String:
		b.WriteString(xmlEscape(v.String()))
	default:
		fmt.Fprint(b, v.Interface())
	}
}

func omitXML(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return v.IsNil()
	case reflect.String:
		return v.Len() == 0
	}
	return false
}

func (s *Server) stsGetCallerIdentity(w http.ResponseWriter, req request, _ *Estate) *apiError {
	writeXML(w, fmt.Sprintf(`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::%s:user/fake</Arn><UserId>AIDAFAKE</UserId><Account>%s</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></GetCallerIdentityResponse>`, req.account, req.account))
	return nil
}

func (s *Server) stsAssumeRole(w http.ResponseWriter, req request, _ *Estate) *apiError {
	form, _ := parseForm(req.body)
	role := form.Get("RoleArn")
	s.mu.Lock()
	account, ok := s.roles[role]
	key := "ASIAFAKE" + account
	if ok {
		s.keys[key] = account
	}
	s.mu.Unlock()
	if !ok {
		return &apiError{status: http.StatusForbidden, code: "AccessDenied", msg: "User is not authorized to perform: sts:AssumeRole on resource: " + role}
	}
	exp := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	writeXML(w, fmt.Sprintf(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>%s</AccessKeyId><SecretAccessKey>fake</SecretAccessKey><SessionToken>fake</SessionToken><Expiration>%s</Expiration></Credentials><AssumedRoleUser><Arn>%s/fake</Arn><AssumedRoleId>AROAFAKE:fake</AssumedRoleId></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></AssumeRoleResponse>`, key, exp, xmlEscape(role)))
	return nil
}
