package analyzer

import (
	"fmt"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// notKnownStatically says why a finding cannot be judged when its field,
// or a field that holds it, has a value the input sets but that is not
// known until deployment (fleet.Doc.Unknown: a CloudFormation parameter
// without a default, an attribute of another resource). Such a finding
// becomes "not checked" with the reason instead of a guess.
func notKnownStatically(doc fleet.Doc, path string) (string, bool) {
	if len(doc.Unknown) == 0 {
		return "", false
	}
	for p := path; ; p = parentOf(p) {
		if why, ok := doc.Unknown[p]; ok {
			return fmt.Sprintf("the value of %s, which the input does not give statically (%s)", p, why), true
		}
		if p == "" {
			return "", false
		}
	}
}

// parentOf drops a path's last step: a[1].b → a[1] → a → "".
func parentOf(p string) string {
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndexByte(p, '['); i >= 0 {
			return p[:i]
		}
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}
