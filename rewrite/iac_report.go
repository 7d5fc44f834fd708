package rewrite

import "github.com/ecs2fargate/ecs2fargate/internal/fleet"

// IaCEdits is what a rewrite of infrastructure as code changed in the
// code: the files edited, and the notes and diagnostics of the editors
// (changes.json "iac", docs/json.md).
type IaCEdits struct {
	// Files are the IaC files the edits change (as named on input).
	Files []string `json:"files"`
	// Notes say what the reviewer of the edits must know, above all which
	// resources applying them replaces.
	Notes []IaCNote `json:"notes"`
	// Problems are edits that could not be made, with why.
	Problems []IaCProblem `json:"problems,omitempty"`
}

// IaCNote is one fleet.EditNote.
type IaCNote struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Resource string `json:"resource"`
	Text     string `json:"text"`
	// Replaces is true when applying the edit replaces the resource.
	Replaces bool `json:"replaces"`
}

// IaCProblem is an edit an editor could not make.
type IaCProblem struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
}

// AddEditResult records one editor's result.
func (e *IaCEdits) AddEditResult(res fleet.EditResult) {
	for _, f := range res.Files {
		e.Files = append(e.Files, f.Path)
	}
	for _, n := range res.Notes {
		e.Notes = append(e.Notes, IaCNote{File: n.File, Line: n.Line, Resource: n.Resource, Text: n.Text, Replaces: n.Replaces})
	}
	for _, d := range res.Diagnostics {
		e.Problems = append(e.Problems, IaCProblem{File: d.File, Line: d.Line, Path: d.Path, Message: d.Message})
	}
}
