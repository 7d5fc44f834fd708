package fleet

import (
	"strings"
	"testing"
)

// parseARNBySplit is ParseARN as it was written first, the reference.
func parseARNBySplit(s string) (ARN, bool) {
	parts := strings.SplitN(s, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" {
		return ARN{}, false
	}
	return ARN{Partition: parts[1], Service: parts[2], Region: parts[3], Account: parts[4], Resource: parts[5]}, true
}

func TestParseARNMatchesSplit(t *testing.T) {
	for _, s := range []string{
		"", "arn", "arn:", "arn:aws", "arn:aws:ecs:eu-west-1:123456789012",
		"arn:aws:ecs:eu-west-1:123456789012:", "arn:aws:ecs:eu-west-1:123456789012:service/c/s",
		"arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7", "arn:::::", "arn::::::", "ARN:aws:ecs:r:a:x",
		"xarn:aws:ecs:r:a:x", "web:7", "arn:aws-cn:iam::123456789012:role/a:b:c", ":arn:a:b:c:d:e",
		"arn:aws:s3:::bucket", "arn::::", ":::::", "nra:aws:ecs:r:a:res",
	} {
		got, gotOK := ParseARN(s)
		want, wantOK := parseARNBySplit(s)
		if got != want || gotOK != wantOK {
			t.Errorf("ParseARN(%q) = %+v, %v; want %+v, %v", s, got, gotOK, want, wantOK)
		}
	}
}

func FuzzParseARN(f *testing.F) {
	f.Add("arn:aws:ecs:eu-west-1:123456789012:service/c/s")
	f.Fuzz(func(t *testing.T, s string) {
		got, gotOK := ParseARN(s)
		want, wantOK := parseARNBySplit(s)
		if got != want || gotOK != wantOK {
			t.Errorf("ParseARN(%q) = %+v, %v; want %+v, %v", s, got, gotOK, want, wantOK)
		}
	})
}

// parseECRHostBySplit is parseECRHost as it was written first, the reference.
func parseECRHostBySplit(host string) (account, region string, ok bool) {
	parts := strings.Split(host, ".")
	if len(parts) < 5 || parts[1] != "dkr" || !strings.HasPrefix(parts[2], "ecr") || parts[4] != "amazonaws" {
		return "", "", false
	}
	return parts[0], parts[3], true
}

func TestParseECRHostMatchesSplit(t *testing.T) {
	for _, h := range []string{
		"", "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "123456789012.dkr.ecr.eu-west-1.amazonaws",
		"123456789012.dkr.ecr-fips.us-east-1.amazonaws.com", "1.dkr.ecr.r", "1.dkr.ecr.r.", "....", ".....",
		"123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn", "docker.io", "a.b.c.d.amazonaws.x.y",
	} {
		a, r, ok := parseECRHost(h)
		wa, wr, wok := parseECRHostBySplit(h)
		if a != wa || r != wr || ok != wok {
			t.Errorf("parseECRHost(%q) = %q, %q, %v; want %q, %q, %v", h, a, r, ok, wa, wr, wok)
		}
	}
}

// The loader parses an ARN per document: ParseARN must not allocate.
func TestParseARNDoesNotAllocate(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { ParseARN("arn:aws:ecs:eu-west-1:123456789012:service/web/api") }); n != 0 {
		t.Errorf("ParseARN allocates %v times", n)
	}
}
