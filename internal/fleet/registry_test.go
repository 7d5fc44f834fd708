package fleet

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
)

func TestRegistryKind(t *testing.T) {
	for image, want := range map[string]RegistryKind{
		"nginx:1.27":                                         RegistryPublic,
		"datadog/agent:7":                                    RegistryPublic,
		"docker.io/library/redis:7":                          RegistryPublic,
		"public.ecr.aws/nginx/nginx":                         RegistryPublic,
		"ghcr.io/org/app:1":                                  RegistryPublic,
		"quay.io/prometheus/node-exporter:v1.8.2":            RegistryPublic,
		"mcr.microsoft.com/windows/servercore/iis":           RegistryPublic,
		"gcr.io/cadvisor/cadvisor:v0.49.1":                   RegistryPublic,
		"us.gcr.io/project/app:1":                            RegistryPublic,
		"registry.k8s.io/pause:3.9":                          RegistryPublic,
		"docker.elastic.co/beats/filebeat:8.13.0":            RegistryPublic,
		"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1": RegistryECR,
		"registry.acme.internal:5000/orders/api:1.4.2":       RegistryPrivate,
		"artifactory.example.com/team/app@sha256:abc":        RegistryPrivate,
		"localhost:5000/app:1":                               RegistryInstanceLocal,
		"localhost/app":                                      RegistryInstanceLocal,
		"127.0.0.1:5000/app":                                 RegistryInstanceLocal,
		"[::1]:5000/app":                                     RegistryInstanceLocal,
		"registry.localhost/app":                             RegistryInstanceLocal,
	} {
		if got := RegistryKindOf(image); got != want {
			t.Errorf("RegistryKindOf(%q) = %s, want %s", image, got, want)
		}
	}
}

func multiArchImage(mediaType string) *Image {
	return &Image{Detail: ecrtypes.ImageDetail{RegistryId: aws.String("123456789012"), RepositoryName: aws.String("app"),
		ImageTags: []string{"1"}, ImageManifestMediaType: aws.String(mediaType)}}
}

func TestImageMultiArch(t *testing.T) {
	ref := "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"
	for mt, want := range map[string]MultiArch{
		"application/vnd.docker.distribution.manifest.list.v2+json": MultiArchIndex,
		"application/vnd.oci.image.index.v1+json":                   MultiArchIndex,
		"application/vnd.docker.distribution.manifest.v2+json":      SingleArch,
		"application/vnd.oci.image.manifest.v1+json":                SingleArch,
		"": MultiArchUnknown,
	} {
		f := &Fleet{Images: []*Image{multiArchImage(mt)}}
		if got := f.ImageMultiArch(ref); got != want {
			t.Errorf("media type %q: %v, want %v", mt, got, want)
		}
	}
	if got := (&Fleet{}).ImageMultiArch(ref); got != MultiArchUnknown {
		t.Errorf("no describe-images: %v, want unknown", got)
	}
	if got := (&Fleet{}).ImageMultiArch("nginx:1"); got != MultiArchUnknown {
		t.Errorf("Docker Hub image: %v, want unknown", got)
	}
}
