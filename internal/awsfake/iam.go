package awsfake

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
)

const iamXMLNS = "https://iam.amazonaws.com/doc/2010-05-08/"

// PutRole adds an IAM role to an account (IAM is global: no region).
func (s *Server) PutRole(account, path, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.putRoleLocked(account, path, name)
}

func (s *Server) putRoleLocked(account, path, name string) iamtypes.Role {
	if s.iamRoles == nil {
		s.iamRoles = map[string]map[string]iamtypes.Role{}
	}
	if s.iamRoles[account] == nil {
		s.iamRoles[account] = map[string]iamtypes.Role{}
	}
	r := iamtypes.Role{RoleName: aws.String(name), Path: aws.String(path), RoleId: aws.String("AROAFAKE" + strings.ToUpper(name)),
		Arn: aws.String(fmt.Sprintf("arn:aws:iam::%s:role%s%s", account, path, name)), CreateDate: aws.Time(time.Unix(0, 0).UTC())}
	s.iamRoles[account][name] = r
	return r
}

// Roles lists the role names of an account.
func (s *Server) Roles(account string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for n := range s.iamRoles[account] {
		out = append(out, n)
	}
	return out
}

func noSuchRole(name string) *apiError {
	return &apiError{status: http.StatusNotFound, code: "NoSuchEntity", msg: "The role with name " + name + " cannot be found."}
}

func (s *Server) iamGetRole(w http.ResponseWriter, req request, _ *Estate) *apiError {
	form, _ := parseForm(req.body)
	s.mu.Lock()
	r, ok := s.iamRoles[req.account][form.Get("RoleName")]
	s.mu.Unlock()
	if !ok {
		return noSuchRole(form.Get("RoleName"))
	}
	var b strings.Builder
	b.WriteString("<Role>")
	queryXML(&b, reflectOf(r))
	b.WriteString("</Role>")
	writeQueryResult(w, "GetRole", iamXMLNS, b.String())
	return nil
}

func (s *Server) iamCreateRole(w http.ResponseWriter, req request, _ *Estate) *apiError {
	form, _ := parseForm(req.body)
	name := form.Get("RoleName")
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.iamRoles[req.account][name]; ok {
		return &apiError{status: http.StatusConflict, code: "EntityAlreadyExists", msg: "Role with name " + name + " already exists."}
	}
	r := s.putRoleLocked(req.account, "/", name)
	var b strings.Builder
	b.WriteString("<Role>")
	queryXML(&b, reflectOf(r))
	b.WriteString("</Role>")
	writeQueryResult(w, "CreateRole", iamXMLNS, b.String())
	return nil
}

func (s *Server) iamAttachRolePolicy(w http.ResponseWriter, req request, _ *Estate) *apiError {
	return s.iamRolePolicy(w, req, "AttachRolePolicy", true)
}

func (s *Server) iamDetachRolePolicy(w http.ResponseWriter, req request, _ *Estate) *apiError {
	return s.iamRolePolicy(w, req, "DetachRolePolicy", false)
}

func (s *Server) iamRolePolicy(w http.ResponseWriter, req request, op string, attach bool) *apiError {
	form, _ := parseForm(req.body)
	name, policy := form.Get("RoleName"), form.Get("PolicyArn")
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.iamRoles[req.account][name]; !ok {
		return noSuchRole(name)
	}
	if s.iamPolicies == nil {
		s.iamPolicies = map[string]bool{}
	}
	key := req.account + "/" + name + "/" + policy
	if !attach && !s.iamPolicies[key] {
		return &apiError{status: http.StatusNotFound, code: "NoSuchEntity", msg: "Policy " + policy + " was not found."}
	}
	s.iamPolicies[key] = attach
	writeQueryResult(w, op, iamXMLNS, "")
	return nil
}

func (s *Server) iamDeleteRole(w http.ResponseWriter, req request, _ *Estate) *apiError {
	form, _ := parseForm(req.body)
	name := form.Get("RoleName")
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.iamRoles[req.account][name]; !ok {
		return noSuchRole(name)
	}
	for k, on := range s.iamPolicies {
		if on && strings.HasPrefix(k, req.account+"/"+name+"/") {
			return &apiError{status: http.StatusConflict, code: "DeleteConflict", msg: "Cannot delete entity, must detach all policies first."}
		}
	}
	delete(s.iamRoles[req.account], name)
	writeQueryResult(w, "DeleteRole", iamXMLNS, "")
	return nil
}

func (s *Server) iamListRoles(w http.ResponseWriter, req request, _ *Estate) *apiError {
	form, _ := parseForm(req.body)
	prefix := form.Get("PathPrefix")
	s.mu.Lock()
	var out []iamtypes.Role
	for _, r := range s.iamRoles[req.account] {
		if strings.HasPrefix(aws.ToString(r.Path), prefix) {
			out = append(out, r)
		}
	}
	s.mu.Unlock()
	writeQueryResult(w, "ListRoles", iamXMLNS, members("Roles", out)+"<IsTruncated>false</IsTruncated>")
	return nil
}

func (s *Server) iamCreateServiceLinkedRole(w http.ResponseWriter, req request, _ *Estate) *apiError {
	form, _ := parseForm(req.body)
	if form.Get("AWSServiceName") != "ecs.amazonaws.com" {
		return &apiError{code: "InvalidInput", msg: "awsfake only knows the ECS service-linked role"}
	}
	s.mu.Lock()
	r := s.putRoleLocked(req.account, "/aws-service-role/ecs.amazonaws.com/", "AWSServiceRoleForECS")
	s.mu.Unlock()
	var b strings.Builder
	b.WriteString("<Role>")
	queryXML(&b, reflectOf(r))
	b.WriteString("</Role>")
	writeQueryResult(w, "CreateServiceLinkedRole", iamXMLNS, b.String())
	return nil
}
