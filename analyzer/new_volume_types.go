package analyzer

import (
	"encoding/json"
	"strings"
)

var newVolumeTypes = Rule{
	ID:       "new-volume-types",
	Scope:    ScopeTask,
	Severity: Warning,
	Title:    "A volume uses a type newer than the Fargate documentation",
	Rationale: "`s3filesVolumeConfiguration` was added to the ECS API in April 2026; our sources do not confirm that Fargate " +
		"supports it, so the definition may be rejected or behave differently there.",
	Remediation: "Check the current ECS documentation for Fargate support of the volume type and test a task before relying on the rewrite.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Volume.html",
	},
	Unverified: "Fargate support for s3filesVolumeConfiguration is not confirmed by the cited sources",
	Check:      checkNewVolumeTypes,
}

// newVolumeKeys are volume members newer than the sources that document
// Fargate. The SDK's model has each of them (mayUseNewVolumeType), so the
// document's bytes are read again only for a definition that sets one.
var newVolumeKeys = []string{"s3filesVolumeConfiguration"}

// mayUseNewVolumeType reports whether a volume of the typed model sets one
// of newVolumeKeys: the loader decodes each of them wherever the document
// gives it a value (a value of the wrong type is an error of the load).
func mayUseNewVolumeType(s *Subject) bool {
	if s.TaskDef == nil {
		return false
	}
	for _, v := range s.TaskDef.Def.Volumes {
		if v.S3filesVolumeConfiguration != nil {
			return true
		}
	}
	return false
}

func checkNewVolumeTypes(s *Subject) []Finding {
	if !mayUseNewVolumeType(s) {
		return nil // no volume sets a new type: nothing to read again
	}
	vols, err := rawVolumes(s)
	if err != nil {
		return s.one(Unchecked("the task definition's original bytes: " + err.Error()))
	}
	out := s.findings()
	for i, v := range vols {
		for k, raw := range v {
			for _, nk := range newVolumeKeys {
				if strings.EqualFold(k, nk) && string(raw) != "null" { // a null member is an absent one
					name := rawString(v, "name")
					out = append(out, Flag(at(idx("volumes", i), nk), name,
						"volume %s uses %s, whose Fargate support is not confirmed; test it on Fargate before migrating", name, nk))
				}
			}
		}
	}
	return out
}

// rawString reads a string member of a raw JSON object (case-insensitive key).
func rawString(obj map[string]json.RawMessage, key string) string {
	for k, v := range obj {
		if strings.EqualFold(k, key) {
			var s string
			_ = json.Unmarshal(v, &s)
			return s
		}
	}
	return ""
}
