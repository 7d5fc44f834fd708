package fleet

import (
	"strconv"
	"strings"
)

// ARN is the parts of an Amazon Resource Name that the model uses.
type ARN struct {
	Partition, Service, Region, Account, Resource string
}

// ParseARN splits an ARN; ok is false when s is not one.
// It is strings.SplitN(s, ":", 6) without the slice, which loading
// allocated once for each ARN it read.
func ParseARN(s string) (ARN, bool) {
	var parts [5]string // arn, partition, service, region, account
	rest := s
	for i := range parts {
		var found bool
		if parts[i], rest, found = strings.Cut(rest, ":"); !found {
			return ARN{}, false
		}
	}
	if parts[0] != "arn" {
		return ARN{}, false
	}
	return ARN{Partition: parts[1], Service: parts[2], Region: parts[3], Account: parts[4], Resource: rest}, true
}

// ClusterName returns the name in a cluster ARN, or s itself when it is
// already a plain name.
func ClusterName(s string) string {
	if a, ok := ParseARN(s); ok {
		return strings.TrimPrefix(a.Resource, "cluster/")
	}
	return s
}

// TaskDefinitionKey turns a task definition ARN, "family:revision" or
// "family" into "family:revision" (or "family" when there is no revision).
func TaskDefinitionKey(s string) string {
	if a, ok := ParseARN(s); ok {
		return strings.TrimPrefix(a.Resource, "task-definition/")
	}
	return s
}

// SplitTaskDefinitionKey splits "family:revision"; revision is 0 when absent.
func SplitTaskDefinitionKey(key string) (family string, revision int) {
	i := strings.LastIndexByte(key, ':')
	if i < 0 {
		return key, 0
	}
	rev, err := strconv.Atoi(key[i+1:])
	if err != nil {
		return key, 0
	}
	return key[:i], rev
}

// containerInstanceCluster reads the cluster name from a container instance
// ARN in the long format (…:container-instance/CLUSTER/ID); the old short
// format has none.
func containerInstanceCluster(arn string) string {
	a, ok := ParseARN(arn)
	if !ok {
		return ""
	}
	parts := strings.Split(a.Resource, "/")
	if len(parts) == 3 {
		return parts[1]
	}
	return ""
}
