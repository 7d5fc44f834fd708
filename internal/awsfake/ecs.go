package awsfake

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// Page sizes and batch limits as the ECS API reference states them.
const (
	ecsListMax             = 100
	ecsListServicesDefault = 10
	ecsDescribeServicesMax = 10
	ecsDescribeCIMax       = 100
	ecsDescribeClustersMax = 100
)

type listInput struct {
	Cluster    string `json:"cluster"`
	NextToken  string `json:"nextToken"`
	MaxResults int    `json:"maxResults"`
}

// page returns one page of items and the token for the next.
func page[T any](items []T, in listInput, def int) ([]T, *string, *apiError) {
	size := in.MaxResults
	if size == 0 {
		size = def
	}
	if size < 1 || size > ecsListMax {
		return nil, nil, invalidParam("maxResults must be between 1 and 100")
	}
	start := 0
	if in.NextToken != "" {
		n, err := strconv.Atoi(in.NextToken)
		if err != nil || n < 0 || n > len(items) {
			return nil, nil, invalidParam("invalid nextToken")
		}
		start = n
	}
	end := min(start+size, len(items))
	var next *string
	if end < len(items) {
		t := strconv.Itoa(end)
		next = &t
	}
	return items[start:end], next, nil
}

func invalidParam(msg string) *apiError {
	return &apiError{code: "InvalidParameterException", msg: msg}
}

func clusterNotFound() *apiError {
	return &apiError{code: "ClusterNotFoundException", msg: "Cluster not found."}
}

func (s *Server) ecsListClusters(w http.ResponseWriter, req request, e *Estate) *apiError {
	var in listInput
	if err := decodeJSON(req.body, &in); err != nil {
		return invalidParam(err.Error())
	}
	arns := make([]string, len(e.Clusters))
	for i, c := range e.Clusters {
		arns[i] = ptr.Value(c.ClusterArn)
	}
	items, next, aerr := page(arns, in, ecsListMax)
	if aerr != nil {
		return aerr
	}
	writeJSON(w, struct {
		ClusterArns []string
		NextToken   *string
	}{items, next})
	return nil
}

func (s *Server) ecsDescribeClusters(w http.ResponseWriter, req request, e *Estate) *apiError {
	var in struct{ Clusters []string }
	if err := decodeJSON(req.body, &in); err != nil {
		return invalidParam(err.Error())
	}
	if len(in.Clusters) > ecsDescribeClustersMax {
		return invalidParam("clusters can have at most 100 items")
	}
	out := struct {
		Clusters []ecstypes.Cluster
		Failures []ecstypes.Failure
	}{Clusters: []ecstypes.Cluster{}, Failures: []ecstypes.Failure{}}
	for _, name := range in.Clusters {
		if c, ok := e.cluster(name); ok {
			out.Clusters = append(out.Clusters, c)
		} else {
			out.Failures = append(out.Failures, ecstypes.Failure{Arn: &name, Reason: str("MISSING")})
		}
	}
	writeJSON(w, out)
	return nil
}

func (s *Server) ecsListServices(w http.ResponseWriter, req request, e *Estate) *apiError {
	items, next, aerr := listInCluster(req, e, ecsListServicesDefault, func(cluster string) (arns []string) {
		for _, svc := range e.Services[cluster] {
			arns = append(arns, ptr.Value(svc.ServiceArn))
		}
		return arns
	})
	if aerr != nil {
		return aerr
	}
	writeJSON(w, struct {
		ServiceArns []string
		NextToken   *string
	}{items, next})
	return nil
}

// listInCluster serves one page of a List* call over a cluster's members:
// arnsOf gives every member's ARN for the cluster's name.
func listInCluster(req request, e *Estate, max int, arnsOf func(cluster string) []string) ([]string, *string, *apiError) {
	var in listInput
	if err := decodeJSON(req.body, &in); err != nil {
		return nil, nil, invalidParam(err.Error())
	}
	c, ok := e.cluster(cmp.Or(in.Cluster, "default"))
	if !ok {
		return nil, nil, clusterNotFound()
	}
	items, next, aerr := page(arnsOf(ptr.Value(c.ClusterName)), in, max)
	return nonNil(items), next, aerr
}

func (s *Server) ecsDescribeServices(w http.ResponseWriter, req request, e *Estate) *apiError {
	var in struct {
		Cluster  string
		Services []string
		Include  []string
	}
	if err := decodeJSON(req.body, &in); err != nil {
		return invalidParam(err.Error())
	}
	if len(in.Services) > ecsDescribeServicesMax {
		return invalidParam("services can have at most 10 items")
	}
	c, ok := e.cluster(cmp.Or(in.Cluster, "default"))
	if !ok {
		return clusterNotFound()
	}
	out := struct {
		Services []ecstypes.Service
		Failures []ecstypes.Failure
	}{Services: []ecstypes.Service{}, Failures: []ecstypes.Failure{}}
	for _, want := range in.Services {
		found := false
		for i := range e.Services[ptr.Value(c.ClusterName)] {
			// Only a match is copied: the struct is large, and the
			// organisation simulation shares its CPU between the fake and
			// the client it measures.
			var svc ecstypes.Service
			s.mu.Lock()
			p := &e.Services[ptr.Value(c.ClusterName)][i]
			match := ptr.Value(p.ServiceArn) == want || ptr.Value(p.ServiceName) == want
			if match {
				e.advance(ptr.Value(c.ClusterName), p)
				svc = *p
			}
			s.mu.Unlock()
			if match {
				if !slices.Contains(in.Include, "TAGS") {
					svc.Tags = nil
				}
				out.Services = append(out.Services, svc)
				found = true
			}
		}
		if !found {
			out.Failures = append(out.Failures, ecstypes.Failure{Arn: str(want), Reason: str("MISSING")})
		}
	}
	writeJSON(w, out)
	return nil
}

func (s *Server) ecsListContainerInstances(w http.ResponseWriter, req request, e *Estate) *apiError {
	items, next, aerr := listInCluster(req, e, ecsListMax, func(cluster string) (arns []string) {
		for _, ci := range e.ContainerInstances[cluster] {
			arns = append(arns, ptr.Value(ci.ContainerInstanceArn))
		}
		return arns
	})
	if aerr != nil {
		return aerr
	}
	writeJSON(w, struct {
		ContainerInstanceArns []string
		NextToken             *string
	}{items, next})
	return nil
}

func (s *Server) ecsDescribeContainerInstances(w http.ResponseWriter, req request, e *Estate) *apiError {
	var in struct {
		Cluster            string
		ContainerInstances []string
	}
	if err := decodeJSON(req.body, &in); err != nil {
		return invalidParam(err.Error())
	}
	if len(in.ContainerInstances) > ecsDescribeCIMax {
		return invalidParam("containerInstances can have at most 100 items")
	}
	c, ok := e.cluster(cmp.Or(in.Cluster, "default"))
	if !ok {
		return clusterNotFound()
	}
	out := struct {
		ContainerInstances []ecstypes.ContainerInstance
		Failures           []ecstypes.Failure
	}{ContainerInstances: []ecstypes.ContainerInstance{}, Failures: []ecstypes.Failure{}}
	for _, want := range in.ContainerInstances {
		found := false
		for _, ci := range e.ContainerInstances[ptr.Value(c.ClusterName)] {
			if ptr.Value(ci.ContainerInstanceArn) == want {
				out.ContainerInstances = append(out.ContainerInstances, ci)
				found = true
			}
		}
		if !found {
			out.Failures = append(out.Failures, ecstypes.Failure{Arn: str(want), Reason: str("MISSING")})
		}
	}
	writeJSON(w, out)
	return nil
}

func (s *Server) ecsDescribeTaskDefinition(w http.ResponseWriter, req request, e *Estate) *apiError {
	var in struct {
		TaskDefinition string
		Include        []string
	}
	if err := decodeJSON(req.body, &in); err != nil {
		return invalidParam(err.Error())
	}
	td, ok := e.TaskDefinitions[in.TaskDefinition]
	if !ok {
		for arn, cand := range e.TaskDefinitions {
			if fmt.Sprintf("%s:%d", ptr.Value(cand.Def.Family), cand.Def.Revision) == in.TaskDefinition {
				td, ok = e.TaskDefinitions[arn], true
			}
		}
	}
	if !ok {
		return &apiError{code: "ClientException", msg: "Unable to describe task definition."}
	}
	out := struct {
		TaskDefinition ecstypes.TaskDefinition
		Tags           []ecstypes.Tag
	}{TaskDefinition: td.Def}
	if slices.Contains(in.Include, "TAGS") {
		out.Tags = nonNil(td.Tags)
	}
	writeJSON(w, out)
	return nil
}

func str(s string) *string { return &s }

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
