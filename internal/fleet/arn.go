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
func ParseARN(s string) (ARN, bool) {
	// strings.SplitN(s, ":", 6) without its slice: the loader and the
	// rules parse an ARN per document and per finding.
	rest, ok := strings.CutPrefix(s, "arn:")
	if !ok {
		return ARN{}, false
	}
	var parts [4]string
	for i := range parts {
		part, after, found := strings.Cut(rest, ":")
		if !found {
			return ARN{}, false
		}
		parts[i], rest = part, after
	}
	return ARN{Partition: parts[0], Service: parts[1], Region: parts[2], Account: parts[3], Resource: rest}, true
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
