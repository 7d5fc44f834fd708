package fleet

import (
	"strings"
	"testing"
)

// ParseARN is strings.SplitN(s, ":", 6) without the slice.
func TestParseARNSplitsAsSplitN(t *testing.T) {
	for _, s := range []string{
		"arn:aws:ecs:eu-west-1:123456789012:service/web/api",
		"arn:aws:ecs:eu-west-1:123456789012:task-definition/web:12",
		"arn:aws-cn:iam::123456789012:role/x:y:z",
		"arn:aws:s3:::bucket", "arn:::::", "arn::::", "arn", "", ":::::", "nra:aws:ecs:r:a:res",
		"web", "web:12", "arn:aws:ecs:eu-west-1:123456789012",
	} {
		got, ok := ParseARN(s)
		parts := strings.SplitN(s, ":", 6)
		wantOK := len(parts) == 6 && parts[0] == "arn"
		var want ARN
		if wantOK {
			want = ARN{Partition: parts[1], Service: parts[2], Region: parts[3], Account: parts[4], Resource: parts[5]}
		}
		if ok != wantOK || got != want {
			t.Errorf("ParseARN(%q) = %+v, %v; want %+v, %v", s, got, ok, want, wantOK)
		}
	}
	if n := testing.AllocsPerRun(100, func() { ParseARN("arn:aws:ecs:eu-west-1:123456789012:service/web/api") }); n != 0 {
		t.Errorf("ParseARN allocates %v times", n)
	}
}
