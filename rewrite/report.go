package rewrite

import "slices"

// Report is what one rewrite run produced: changes.json. Documents are
// left out (they are written to their own files, named in Output and
// Outputs).
type Report struct {
	TaskDefinitions []Result        `json:"taskDefinitions"`
	Services        []ServiceResult `json:"services"`
	// Errors are inputs that could not be rewritten at all, with the reason.
	Errors []string `json:"errors,omitempty"`
	// IaC lists the edits of infrastructure-as-code files (see iac.go and
	// IaCEdits): what each edit does that its reviewer must know.
	IaC *IaCEdits `json:"iac,omitempty"`
}

// Changed reports whether the run changes anything or leaves a definition
// blocked: what `rewrite --check` fails on. Changes of form only (see
// FormOnly) do not count: describe-task-definition output of a definition
// already on Fargate is not "changed" by losing its describe-only members.
func (r *Report) Changed() bool {
	return slices.ContainsFunc(r.TaskDefinitions, (Result).Changed) || slices.ContainsFunc(r.Services, (ServiceResult).Changed)
}

// Changed reports whether the task definition's rewrite changes anything
// or leaves it blocked (see Report.Changed).
func (t Result) Changed() bool {
	return t.Blocked || slices.ContainsFunc(t.Changes, func(c Change) bool { return !c.FormOnly() })
}

// Changed reports whether the service's rewrite changes anything (see
// Report.Changed).
func (s ServiceResult) Changed() bool { return len(s.Changes) > 0 || s.CreateService != nil }

// WithoutDocuments returns a copy of the report with the request documents
// removed, for changes.json.
func (r *Report) WithoutDocuments() *Report {
	out := &Report{Errors: r.Errors, IaC: r.IaC}
	for _, t := range r.TaskDefinitions {
		t.Document = nil
		out.TaskDefinitions = append(out.TaskDefinitions, t)
	}
	for _, s := range r.Services {
		s.UpdateService, s.CreateService = nil, nil
		tgs := make([]TargetGroupDoc, len(s.TargetGroups))
		for i, tg := range s.TargetGroups {
			tg.Document = nil
			tgs[i] = tg
		}
		s.TargetGroups = tgs
		out.Services = append(out.Services, s)
	}
	return out
}
