package fleet

import "strings"

// ImageRef is a container image reference split into its parts.
type ImageRef struct {
	Registry   string // host, "docker.io" when the reference names none
	Repository string
	Tag        string // "latest" when neither tag nor digest is given
	Digest     string
	// Account and Region are set for private ECR registries
	// (ACCOUNT.dkr.ecr.REGION.amazonaws.com).
	Account, Region string
}

// ParseImageRef splits an image reference the way Docker does: the first
// path component is a registry host only if it contains a dot or a colon or
// is "localhost".
func ParseImageRef(ref string) ImageRef {
	var r ImageRef
	rest := ref
	if i := strings.IndexByte(rest, '@'); i >= 0 {
		r.Digest, rest = rest[i+1:], rest[:i]
	}
	if first, after, ok := strings.Cut(rest, "/"); ok && (strings.ContainsAny(first, ".:") || first == "localhost") {
		r.Registry, rest = first, after
	} else {
		r.Registry = "docker.io"
	}
	if i := strings.LastIndexByte(rest, ':'); i >= 0 {
		r.Tag, rest = rest[i+1:], rest[:i]
	} else if r.Digest == "" {
		r.Tag = "latest"
	}
	r.Repository = rest
	if acct, region, ok := parseECRHost(r.Registry); ok {
		r.Account, r.Region = acct, region
	}
	return r
}

// IsECR reports whether the image lives in a private ECR registry.
func (r ImageRef) IsECR() bool { return r.Account != "" }

// parseECRHost recognises ACCOUNT.dkr.ecr[-fips].REGION.amazonaws.com(.cn).
func parseECRHost(host string) (account, region string, ok bool) {
	// The first five dot-separated parts, without strings.Split's slice:
	// every image of every task definition is parsed.
	var parts [5]string
	rest := host
	for i := range 4 {
		var found bool
		if parts[i], rest, found = strings.Cut(rest, "."); !found {
			return "", "", false
		}
	}
	parts[4], _, _ = strings.Cut(rest, ".")
	if parts[1] != "dkr" || !strings.HasPrefix(parts[2], "ecr") || parts[4] != "amazonaws" {
		return "", "", false
	}
	return parts[0], parts[3], true
}
