package analyzer

import (
	"strconv"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// Shared helpers of the container security and network rules.

// linuxParams returns the container's Linux parameters, or nil when it has
// none or the task is a Windows task (linux-params-windows covers those).
func (s *Subject) linuxParams(c *ecstypes.ContainerDefinition) *ecstypes.LinuxParameters {
	if s.Windows() {
		return nil
	}
	return c.LinuxParameters
}

// quoteList renders names for a message: "a", "a and b", "a, b and c".
func quoteList(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// portProtocol is the mapping's protocol, tcp when unset.
func portProtocol(pm ecstypes.PortMapping) string {
	if pm.Protocol == "" {
		return string(ecstypes.TransportProtocolTcp)
	}
	return strings.ToLower(string(pm.Protocol))
}

// portSpan is the container port or port range of a mapping as an
// inclusive interval; ok is false when the mapping names neither or the
// range cannot be read.
func portSpan(pm ecstypes.PortMapping) (lo, hi int, ok bool) {
	if pm.ContainerPort != nil {
		p := int(*pm.ContainerPort)
		return p, p, true
	}
	r := strings.TrimSpace(ptr.Value(pm.ContainerPortRange))
	if r == "" {
		return 0, 0, false
	}
	a, b, found := strings.Cut(r, "-")
	lo, err1 := strconv.Atoi(strings.TrimSpace(a))
	hi, err2 := lo, error(nil)
	if found {
		hi, err2 = strconv.Atoi(strings.TrimSpace(b))
	}
	if err1 != nil || err2 != nil || hi < lo {
		return 0, 0, false
	}
	return lo, hi, true
}

// isCredSpec reports whether a dockerSecurityOptions or credentialSpecs
// entry is a gMSA credential spec (credentialspec: or
// credentialspecdomainless:).
func isCredSpec(opt string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(opt)), "credentialspec")
}

// isDomainlessCredSpec reports whether a credential spec entry uses the
// domainless form.
func isDomainlessCredSpec(opt string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(opt)), "credentialspecdomainless:")
}
