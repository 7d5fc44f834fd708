package fleet

import (
	"net"
	"strings"
)

// RegistryKind is what kind of registry an image is pulled from, which
// decides whether a Fargate task can pull it and with what credentials.
type RegistryKind string

// Registry kinds.
const (
	// RegistryECR is a private Amazon ECR registry: the task execution
	// role pulls from it.
	RegistryECR RegistryKind = "ecr"
	// RegistryPublic serves public images to anonymous pulls: Docker Hub,
	// ECR Public, GitHub, Quay, Microsoft, Google, Kubernetes, Elastic.
	RegistryPublic RegistryKind = "public"
	// RegistryPrivate is any other registry: Fargate needs
	// repositoryCredentials for it when it is private.
	RegistryPrivate RegistryKind = "private"
	// RegistryInstanceLocal is a registry on the EC2 host itself
	// (localhost, 127.0.0.1, ::1), which a Fargate task cannot reach.
	RegistryInstanceLocal RegistryKind = "instance-local"
)

// publicRegistries serve public images without a login.
var publicRegistries = map[string]bool{
	"docker.io": true, "registry-1.docker.io": true, "index.docker.io": true, "registry.hub.docker.com": true,
	"public.ecr.aws": true, "ghcr.io": true, "quay.io": true, "mcr.microsoft.com": true,
	"gcr.io": true, "registry.k8s.io": true, "k8s.gcr.io": true, "docker.elastic.co": true,
	"registry.gitlab.com": true, "nvcr.io": true, "cgr.dev": true,
}

// Kind decides the kind of registry the image comes from.
func (r ImageRef) Kind() RegistryKind {
	host := strings.ToLower(r.Registry)
	switch {
	case r.IsECR():
		return RegistryECR
	case isInstanceLocal(host):
		return RegistryInstanceLocal
	case publicRegistries[host] || strings.HasSuffix(host, ".gcr.io"):
		return RegistryPublic
	}
	return RegistryPrivate
}

// RegistryKindOf decides the kind of registry an image reference names.
func RegistryKindOf(image string) RegistryKind { return ParseImageRef(image).Kind() }

// isInstanceLocal reports a registry host that resolves to the EC2 host
// itself: localhost (and *.localhost), a loopback or unspecified address.
func isInstanceLocal(host string) bool {
	h := host
	if sh, _, err := net.SplitHostPort(host); err == nil {
		h = sh
	}
	h = strings.Trim(h, "[]")
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && (ip.IsLoopback() || ip.IsUnspecified())
}
