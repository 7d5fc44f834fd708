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

// newVolumeKeys are volume members newer than the sources that document Fargate.
var newVolumeKeys = []string{"s3filesVolumeConfiguration"}

func checkNewVolumeTypes(s *Subject) []Finding {
	vols, err := rawVolumes(s)
	if err != nil {
		return []Finding{Unchecked("the task definition's original bytes: " + err.Error())}
	}
	var out []Finding
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
