package analyzer

import (
	"maps"
	"slices"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// Infrastructure as code can set a field to a value that is not known
// until it is applied (a Terraform variable with no value, a data
// source). The translator leaves such a field out of the document and
// lists it in Doc.Unknown; here the rules that read it report "not
// checked", with the reason, instead of judging the field absent:
//
//   - a finding at the unknown field or inside it is withdrawn, and
//   - the rules that read the field (unknownReaders) are not run on the
//     subject: what they would say of an absent field is a guess.
//
// Both become NotChecked entries naming the field.

// unknownReaders lists, per field (indexes written as []), the rules whose
// verdict rests on its value; a field not listed counts as its nearest
// listed ancestor, and an empty list says no rule judges the value.
var unknownReaders = map[string][]string{
	"networkMode":             {"network-mode-awsvpc", "host-port", "port-collision", "links", "link-references", "network-configuration", "disable-networking", "hostname", "extra-hosts", "dns-servers", "dns-search-domains"},
	"requiresCompatibilities": {"requires-compat-fargate"},
	"cpu":                     {"task-cpu-required", "task-cpu-below-min", "cpu-memory-combo", "task-size-too-large", "container-cpu-sum", "windows-size", "cost-model"},
	"memory":                  {"task-memory-required", "cpu-memory-combo", "task-size-too-large", "container-memory-sum", "windows-size", "cost-model"},
	"pidMode":                 {"pid-mode-host", "pid-mode-windows"},
	"ipcMode":                 {"ipc-mode"},
	"taskRoleArn":             {"imds-and-instance-role", "efs-volume", "windows-ecs-exec"},
	"executionRoleArn":        {"exec-role-awslogs", "exec-role-ecr", "exec-role-secrets"},
	"runtimePlatform":         {"runtime-platform-arch", "runtime-platform-windows", "image-arch", "fargate-spot-windows", "fargate-spot-arm", "windows-arm"},
	"ephemeralStorage":        {"ephemeral-storage-capacity", "ephemeral-storage-range", "image-vs-ephemeral"},
	"volumes":                 {"docker-socket", "docker-volume-config", "ebs-configured-at-launch", "efs-volume", "fsx-windows-volume", "volume-host-sourcepath", "windows-bind-mounts"},
	"placementConstraints":    {"task-placement-constraints", "service-placement-constraints"},
	"containerDefinitions":    nil, // every task rule: see readersOf

	"volumes[].dockerVolumeConfiguration.driverOpts": {},
	"volumes[].dockerVolumeConfiguration.labels":     {},
	"volumes[].efsVolumeConfiguration.fileSystemId":  {},
	"volumes[].efsVolumeConfiguration.rootDirectory": {},
	"volumes[].name": {"volume-host-sourcepath", "windows-bind-mounts"},
	"containerDefinitions[].logConfiguration.options": {"awslogs-required-options", "awslogs-stream-prefix", "awslogs-mode", "firelens-s3-config"},
	"containerDefinitions[].name":                     {},
	"containerDefinitions[].environment":              {"plaintext-secret"},

	"containerDefinitions[].image":            {"image-arch", "image-registry-local", "image-vs-ephemeral", "registry-reachability", "agent-registry-auth", "exec-role-ecr", "image-pull-no-cache", "daemon-replacement"},
	"containerDefinitions[].privileged":       {"privileged"},
	"containerDefinitions[].portMappings":     {"host-port", "port-collision", "port-range", "lb-container-port"},
	"containerDefinitions[].logConfiguration": {"no-log-config", "log-driver", "awslogs-mode", "awslogs-required-options", "awslogs-stream-prefix", "exec-role-awslogs", "firelens-s3-config"},
	"containerDefinitions[].memory":           {"task-memory-required", "container-memory-sum", "cost-model"},
	"containerDefinitions[].cpu":              {"task-cpu-required", "container-cpu-sum", "cost-model"},
	"containerDefinitions[].links":            {"links", "link-references"},
	"containerDefinitions[].linuxParameters":  {"cap-add", "cap-drop", "devices", "init-process", "max-swap", "swappiness", "shared-memory-size", "tmpfs", "linux-params-windows"},

	"launchType":               {"new-service-launch-type", "in-place-switch", "cp-strategy-shape", "fargate-spot-behaviour", "network-configuration", "iac-replacement", "cluster-fargate-providers"},
	"capacityProviderStrategy": {"new-service-launch-type", "in-place-switch", "cp-strategy-shape", "fargate-spot-behaviour", "cluster-fargate-providers"},
	"networkConfiguration":     {"network-configuration", "assign-public-ip", "security-groups-per-task", "subnet-ip-capacity"},
	"loadBalancers":            {"lb-target-type-ip", "lb-classic", "lb-container-port", "nlb-client-ip", "health-check-grace"},
	"schedulingStrategy":       {"scheduling-daemon", "immutable-service-fields", "in-place-switch", "cost-model", "subnet-ip-capacity", "task-retirement"},
	"placementStrategy":        {"service-placement-strategy"},
	"clusterArn":               {"cluster-fargate-providers", "cost-model"},
	"taskDefinition":           nil, // the service is not linked: its task rules do not run
}

// unknownField is a field of a subject's document that is not known.
type unknownField struct{ path, why string }

// subjectUnknowns lists the unknown fields of the subject's service, then
// of its task definition, each in path order, once per subject.
func subjectUnknowns(subj *Subject) []unknownField {
	var out []unknownField
	for _, d := range []*fleet.Doc{serviceDoc(subj), taskDefDoc(subj)} {
		if d == nil {
			continue
		}
		for _, p := range slices.Sorted(maps.Keys(d.Unknown)) {
			out = append(out, unknownField{p, d.Unknown[p]})
		}
	}
	return out
}

func serviceDoc(subj *Subject) *fleet.Doc {
	if subj.Service == nil {
		return nil
	}
	return &subj.Service.Doc
}

func taskDefDoc(subj *Subject) *fleet.Doc {
	if subj.TaskDef == nil {
		return nil
	}
	return &subj.TaskDef.Doc
}

// unknownOf is the first of the unknown fields that rule reads, and why.
func unknownOf(rule *Rule, unknown []unknownField) (string, string, bool) {
	for _, u := range unknown {
		if readsField(rule, u.path) {
			return u.path, u.why, true
		}
	}
	return "", "", false
}

// readsField reports whether the rule's verdict rests on the field at p.
func readsField(rule *Rule, p string) bool {
	pattern := patternOf(p)
	if pattern == "containerDefinitions" || pattern == "containerDefinitions[]" {
		return rule.Scope == ScopeTask // every container is unknown
	}
	for q := pattern; q != ""; q = fleet.ParentPath(q) {
		ids, listed := unknownReaders[q]
		if !listed {
			continue
		}
		// The most specific entry decides: an unknown driver option is not
		// an unknown volume.
		return slices.Contains(ids, rule.ID)
	}
	return false
}

// withdrawUnknown drops the findings at or inside an unknown field of
// their document, returning the rest and the reason of the first dropped.
func withdrawUnknown(fs []Finding, doc fleet.Doc) ([]Finding, string) {
	if len(doc.Unknown) == 0 {
		return fs, ""
	}
	var why string
	out := fs[:0:0]
	for _, f := range fs {
		if r, ok := unknownAt(doc, f.Path); ok && f.needs == "" {
			if why == "" {
				why = r
			}
			continue
		}
		out = append(out, f)
	}
	return out, why
}

// unknownAt is the reason when p is an unknown field or inside one.
func unknownAt(doc fleet.Doc, p string) (string, bool) {
	for q := p; q != ""; q = fleet.ParentPath(q) {
		if why, ok := doc.Unknown[q]; ok {
			return why, true
		}
	}
	return "", false
}

// patternOf writes a path's indexes as []: containerDefinitions[2].image →
// containerDefinitions[].image.
func patternOf(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		b.WriteByte(p[i])
		if p[i] == '[' {
			for i+1 < len(p) && p[i+1] != ']' {
				i++
			}
		}
	}
	return b.String()
}
