package fleet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// SnapshotSchemaVersion is the snapshot format this build reads and writes;
// docs/snapshot.md describes it.
const SnapshotSchemaVersion = 1

// snapshotFile is the on-disk snapshot. Every resource is kept as the bytes
// it was read with, so a snapshot round-trips without loss.
type snapshotFile struct {
	SchemaVersion      int                 `json:"schemaVersion"`
	GeneratedBy        string              `json:"generatedBy,omitempty"`
	GeneratedAt        string              `json:"generatedAt,omitempty"`
	TaskDefinitions    []snapshotTaskDef   `json:"taskDefinitions"`
	Services           []json.RawMessage   `json:"services"`
	Clusters           []json.RawMessage   `json:"clusters"`
	ContainerInstances []snapshotContainer `json:"containerInstances"`
	Instances          []json.RawMessage   `json:"instances"`
	// InstanceAccounts is the account (the reservation's OwnerId) of each
	// of Instances, in order, which an instance document does not carry;
	// absent when no account is known.
	InstanceAccounts []string          `json:"instanceAccounts,omitempty"`
	Images           []json.RawMessage `json:"images"`
	TargetGroups     []json.RawMessage `json:"targetGroups"`
	Subnets          []json.RawMessage `json:"subnets"`
	Volumes          []json.RawMessage `json:"volumes,omitempty"`
	Metrics          []ServiceMetrics  `json:"metrics,omitempty"`
	ClusterMetrics   []ClusterMetrics  `json:"clusterMetrics,omitempty"`
	Gaps             []Gap             `json:"gaps"`
}

type snapshotTaskDef struct {
	TaskDefinition json.RawMessage `json:"taskDefinition"`
	Tags           json.RawMessage `json:"tags,omitempty"`
}

type snapshotContainer struct {
	Cluster           string          `json:"cluster"`
	ContainerInstance json.RawMessage `json:"containerInstance"`
}

// SnapshotMeta is the descriptive header of a snapshot.
type SnapshotMeta struct {
	GeneratedBy string // e.g. "ecs2fargate 1.2.0"
	GeneratedAt string // RFC 3339; empty keeps the file deterministic
}

// WriteSnapshot writes the fleet in the snapshot format.
func WriteSnapshot(w io.Writer, f *Fleet, meta SnapshotMeta) error {
	s := snapshotFile{SchemaVersion: SnapshotSchemaVersion, GeneratedBy: meta.GeneratedBy, GeneratedAt: meta.GeneratedAt, Gaps: f.Gaps, Metrics: f.Metrics, ClusterMetrics: f.ClusterMetrics}
	// The first document whose bytes cannot be read again (see Doc.Bytes)
	// fails the snapshot: a snapshot missing a document would mislead.
	var readErr error
	bytesOf := func(d Doc) json.RawMessage {
		b, err := d.Bytes()
		if err != nil && readErr == nil {
			readErr = err
		}
		return b
	}
	for _, td := range f.TaskDefinitions {
		entry := snapshotTaskDef{TaskDefinition: bytesOf(td.Doc)}
		if len(td.Tags) > 0 {
			entry.Tags = mustJSON(tagsJSON(td))
		}
		s.TaskDefinitions = append(s.TaskDefinitions, entry)
	}
	for _, sv := range f.Services {
		s.Services = append(s.Services, bytesOf(sv.Doc))
	}
	for _, c := range f.Clusters {
		if c.Detail != nil {
			s.Clusters = append(s.Clusters, bytesOf(c.DetailDoc))
		}
	}
	for _, ci := range f.ContainerInstances {
		s.ContainerInstances = append(s.ContainerInstances, snapshotContainer{Cluster: ci.Cluster, ContainerInstance: bytesOf(ci.Doc)})
	}
	known := false
	for _, in := range f.Instances {
		s.Instances = append(s.Instances, bytesOf(in.Doc))
		s.InstanceAccounts = append(s.InstanceAccounts, in.Identity.Account)
		known = known || in.Identity.Account != ""
	}
	if !known {
		s.InstanceAccounts = nil
	}
	for _, img := range f.Images {
		s.Images = append(s.Images, bytesOf(img.Doc))
	}
	for _, tg := range f.TargetGroups {
		s.TargetGroups = append(s.TargetGroups, bytesOf(tg.Doc))
	}
	for _, sn := range f.Subnets {
		s.Subnets = append(s.Subnets, bytesOf(sn.Doc))
	}
	for _, v := range f.Volumes {
		s.Volumes = append(s.Volumes, bytesOf(v.Doc))
	}
	if readErr != nil {
		return fmt.Errorf("writing the snapshot: %w", readErr)
	}
	compact, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("encoding snapshot: %w", err)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact, "", "  "); err != nil {
		return fmt.Errorf("encoding snapshot: %w", err)
	}
	out.WriteByte('\n')
	_, err = w.Write(out.Bytes())
	return err
}

type tagJSON struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

func tagsJSON(td *TaskDefinition) []tagJSON {
	out := make([]tagJSON, len(td.Tags))
	for i, t := range td.Tags {
		out[i] = tagJSON{ptr.Value(t.Key), ptr.Value(t.Value)}
	}
	return out
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only called on plain structs of strings
	}
	return b
}

func (l *fileLoad) loadSnapshot(file string, top map[string]json.RawMessage, data []byte) {
	var s snapshotFile
	if err := json.Unmarshal(data, &s); err != nil {
		l.diags = append(l.diags, errorf(file, "", "not a valid ecs2fargate snapshot: %v", err))
		return
	}
	if s.SchemaVersion != SnapshotSchemaVersion {
		l.diags = append(l.diags, errorf(file, "schemaVersion", "snapshot schemaVersion %d is not supported by this build (it reads version %d); upgrade ecs2fargate", s.SchemaVersion, SnapshotSchemaVersion))
		return
	}
	l.warnUnknownTop(file, top, "schemaVersion", "generatedBy", "generatedAt", "taskDefinitions", "services", "clusters",
		"containerInstances", "instances", "instanceAccounts", "images", "targetGroups", "subnets", "volumes", "metrics", "gaps")
	for i, e := range s.TaskDefinitions {
		path := fmt.Sprintf("taskDefinitions[%d].taskDefinition", i)
		td := &TaskDefinition{Doc: Doc{Source: l.source(file, path), Raw: e.TaskDefinition}}
		if !l.decodeItem(file, path, e.TaskDefinition, &td.Def, "tags") {
			continue
		}
		if len(e.Tags) > 0 {
			l.decodeTags(file, fmt.Sprintf("taskDefinitions[%d].tags", i), e.Tags, &td.Tags)
		}
		l.add(func(b *builder) { b.addTaskDefinition(td) })
	}
	l.loadSnapshotLists(file, s)
}

func (l *fileLoad) loadSnapshotLists(file string, s snapshotFile) {
	each := func(key string, list []json.RawMessage, newElem elem) {
		for i, raw := range list {
			l.loadItem(file, fmt.Sprintf("%s[%d]", key, i), raw, newElem)
		}
	}
	each("services", s.Services, serviceElem)
	each("clusters", s.Clusters, clusterElem)
	for i, e := range s.ContainerInstances {
		l.loadItem(file, fmt.Sprintf("containerInstances[%d].containerInstance", i), e.ContainerInstance, containerInstanceElem(e.Cluster))
	}
	if len(s.InstanceAccounts) > 0 && len(s.InstanceAccounts) != len(s.Instances) {
		l.diags = append(l.diags, Diagnostic{File: file, Path: "instanceAccounts", Level: LevelWarning, Message: fmt.Sprintf(
			"%d accounts for %d instances; the instances' accounts are taken as unknown", len(s.InstanceAccounts), len(s.Instances))})
		s.InstanceAccounts = nil
	}
	for i, raw := range s.Instances {
		owner := ""
		if i < len(s.InstanceAccounts) {
			owner = s.InstanceAccounts[i]
		}
		l.loadItem(file, fmt.Sprintf("instances[%d]", i), raw, instanceElem(owner))
	}
	each("images", s.Images, imageElem)
	each("targetGroups", s.TargetGroups, targetGroupElem)
	each("subnets", s.Subnets, subnetElem)
	each("volumes", s.Volumes, volumeElem)
	l.add(func(b *builder) {
		b.fleet.Gaps = append(b.fleet.Gaps, s.Gaps...)
		b.fleet.Metrics = append(b.fleet.Metrics, s.Metrics...)
		b.fleet.ClusterMetrics = append(b.fleet.ClusterMetrics, s.ClusterMetrics...)
	})
}
