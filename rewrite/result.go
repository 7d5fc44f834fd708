package rewrite

import "encoding/json"

// Size is the Fargate task size chosen for a task definition, in the
// units ECS uses (cpu units, MiB).
type Size struct {
	CPU    int `json:"cpu"`
	Memory int `json:"memory"`
}

// Result is the rewrite of one task definition.
type Result struct {
	// Key is the input's family:revision, in the account and region of
	// Account and Region (see fleet.Identity).
	Key     string `json:"taskDefinition"`
	Account string `json:"account"`
	Region  string `json:"region"`
	// Document is the register-task-definition --cli-input-json request;
	// nil when the definition is blocked and the rewrite was not forced.
	Document json.RawMessage `json:"document,omitempty"`
	Size     Size            `json:"size"`
	Changes  []Change        `json:"changes"`
	// Remaining are the findings the rewrite could not fix.
	Remaining []Remaining `json:"remaining"`
	// Blocked is true when a blocker remains; Forced when the document was
	// produced anyway (--force).
	Blocked bool `json:"blocked"`
	Forced  bool `json:"forced,omitempty"`
	// Source is the input file; Output the file the CLI wrote the document
	// to, when it wrote one.
	Source string `json:"source,omitempty"`
	Output string `json:"output,omitempty"`

	// documentDropped is set by DropDocument: a document was made and let go.
	documentDropped bool
}

// MadeDocument reports whether the rewrite produced a document, also
// after DropDocument let its bytes go.
func (r *Result) MadeDocument() bool { return len(r.Document) > 0 || r.documentDropped }

// DropDocument lets go of the document's bytes, for a caller that keeps
// only the rewrite's account of itself (the report's preview keeps every
// task definition's result; their documents were about 5 KB each and are
// not shown).
func (r *Result) DropDocument() {
	if len(r.Document) > 0 {
		r.Document, r.documentDropped = nil, true
	}
}

// TargetGroupDoc is an elbv2 create-target-group --cli-input-json request
// for the ip target group a load balancer entry must point to on Fargate.
type TargetGroupDoc struct {
	// Replaces is the ARN of the instance target group it stands in for.
	Replaces string          `json:"replaces,omitempty"`
	Name     string          `json:"name"`
	Document json.RawMessage `json:"document,omitempty"`
}

// ServiceResult is the rewrite of one service.
type ServiceResult struct {
	// Account and Region are the service's (see fleet.Identity).
	Account string `json:"account"`
	Region  string `json:"region"`
	Cluster string `json:"cluster"`
	Service string `json:"service"`
	// UpdateService is the ecs update-service --cli-input-json request that
	// moves the service in place; nil when it cannot move in place.
	UpdateService json.RawMessage `json:"updateService,omitempty"`
	// CreateService is a create-service request for a side-by-side Fargate
	// service, when the service cannot move in place but can be recreated.
	CreateService json.RawMessage  `json:"createService,omitempty"`
	TargetGroups  []TargetGroupDoc `json:"targetGroups,omitempty"`
	// NotInPlace says why the service cannot be updated in place (empty
	// when it can).
	NotInPlace string      `json:"notInPlace,omitempty"`
	Changes    []Change    `json:"changes"`
	Remaining  []Remaining `json:"remaining"`

	// Forced is true when UpdateService was written although NotInPlace is
	// set (--force; only for reasons not known to make ECS reject it).
	Forced bool `json:"forced,omitempty"`
	// AlreadyOnFargate is true for a service that runs on Fargate already:
	// it gets no request, except an UpdateService that only sets a retired
	// platform version to LATEST.
	AlreadyOnFargate bool `json:"alreadyOnFargate,omitempty"`
	// Outputs are the files the CLI wrote the documents to.
	Outputs []string `json:"outputs,omitempty"`
}
