package awsfake

import (
	"net/http"
	"reflect"
	"slices"
	"strings"

	logtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
)

func reflectOf(v any) reflect.Value { return reflect.ValueOf(v) }

func (s *Server) logsDescribeLogGroups(w http.ResponseWriter, req request, e *Estate) *apiError {
	var in struct{ LogGroupNamePrefix string }
	if err := decodeJSON(req.body, &in); err != nil {
		return invalidParam(err.Error())
	}
	s.mu.Lock()
	out := []logtypes.LogGroup{}
	for _, g := range e.LogGroups {
		if strings.HasPrefix(g, in.LogGroupNamePrefix) {
			out = append(out, logtypes.LogGroup{LogGroupName: str(g)})
		}
	}
	s.mu.Unlock()
	writeJSON(w, struct{ LogGroups []logtypes.LogGroup }{out})
	return nil
}

func (s *Server) logsCreateLogGroup(w http.ResponseWriter, req request, e *Estate) *apiError {
	var in struct{ LogGroupName string }
	if err := decodeJSON(req.body, &in); err != nil {
		return invalidParam(err.Error())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if slices.Contains(e.LogGroups, in.LogGroupName) {
		return &apiError{code: "ResourceAlreadyExistsException", msg: "The specified log group already exists"}
	}
	e.LogGroups = append(e.LogGroups, in.LogGroupName)
	writeJSON(w, struct{}{})
	return nil
}

func (s *Server) logsDeleteLogGroup(w http.ResponseWriter, req request, e *Estate) *apiError {
	var in struct{ LogGroupName string }
	if err := decodeJSON(req.body, &in); err != nil {
		return invalidParam(err.Error())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	i := slices.Index(e.LogGroups, in.LogGroupName)
	if i < 0 {
		return &apiError{code: "ResourceNotFoundException", msg: "The specified log group does not exist."}
	}
	e.LogGroups = slices.Delete(e.LogGroups, i, i+1)
	writeJSON(w, struct{}{})
	return nil
}
