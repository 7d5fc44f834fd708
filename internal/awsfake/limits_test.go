package awsfake

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// call sends one request as the SDK would (only the credential scope of
// the Authorization header matters to the fake) and returns the status
// and body.
func call(t *testing.T, s *Server, service, op, region string) (int, string) {
	t.Helper()
	var req *http.Request
	if service == "ecs" {
		req, _ = http.NewRequest("POST", s.URL, strings.NewReader(`{}`))
		req.Header.Set("X-Amz-Target", "AmazonEC2ContainerServiceV20141113."+op)
	} else {
		req, _ = http.NewRequest("POST", s.URL, strings.NewReader("Action="+op+"&Version=2016-11-15"))
	}
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDTEST/20261207/"+region+"/"+service+"/aws4_request")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// With Limits, each API of each account and region has its own bucket of
// AWS's documented size (scaled): ECS answers ThrottlingException (400),
// EC2 RequestLimitExceeded (503) once the bucket is empty, and a drained
// bucket of one API leaves the others alone.
func TestLimitsThrottlePerAPIAsAWSDoes(t *testing.T) {
	s := New()
	defer s.Close()
	s.Limits = &Limits{Scale: 0.04} // ECS 50 → 2 tokens, EC2 100 → 4, refill 0.8/s
	for i := 0; i < 2; i++ {
		if code, body := call(t, s, "ecs", "ListClusters", "us-east-1"); code != 200 {
			t.Fatalf("call %d within the burst: %d %s", i+1, code, body)
		}
	}
	if code, body := call(t, s, "ecs", "ListClusters", "us-east-1"); code != 400 || !strings.Contains(body, "ThrottlingException") {
		t.Errorf("third ListClusters: %d %s, want 400 ThrottlingException", code, body)
	}
	if code, _ := call(t, s, "ecs", "DescribeClusters", "us-east-1"); code != 200 {
		t.Errorf("DescribeClusters throttled by ListClusters' bucket: %d", code)
	}
	if code, _ := call(t, s, "ecs", "ListClusters", "eu-west-1"); code != 200 {
		t.Errorf("another region throttled: %d", code)
	}
	for i := 0; i < 4; i++ {
		if code, body := call(t, s, "ec2", "DescribeSubnets", "us-east-1"); code != 200 {
			t.Fatalf("EC2 call %d within the burst: %d %s", i+1, code, body)
		}
	}
	if code, body := call(t, s, "ec2", "DescribeSubnets", "us-east-1"); code != 503 || !strings.Contains(body, "RequestLimitExceeded") {
		t.Errorf("fifth DescribeSubnets: %d %s, want 503 RequestLimitExceeded", code, body)
	}
	if got := s.CallsIn(DefaultAccount, "us-east-1")["ecs:ListClusters"]; got != 3 {
		t.Errorf("CallsIn counts %d ListClusters in us-east-1, want 3", got)
	}
}

func TestLimitsOnlyThrottleTheServicesNamed(t *testing.T) {
	s := New()
	defer s.Close()
	s.Limits = &Limits{Scale: 0.001, Services: []string{"ecs"}}
	for i := 0; i < 5; i++ {
		if code, _ := call(t, s, "ec2", "DescribeRegions", "us-east-1"); code != 200 {
			t.Fatalf("EC2 throttled though only ECS is named: %d", code)
		}
	}
}

// Overwhelm: every call of the account and region is throttled, however
// often it is retried; other regions answer.
func TestOverwhelmedRegionIsAlwaysThrottled(t *testing.T) {
	s := New()
	defer s.Close()
	s.Overwhelm(DefaultAccount, "ap-south-1")
	for i := 0; i < 10; i++ {
		if code, body := call(t, s, "ecs", "ListClusters", "ap-south-1"); code != 400 || !strings.Contains(body, "ThrottlingException") {
			t.Fatalf("call %d: %d %s", i+1, code, body)
		}
	}
	if code, _ := call(t, s, "ecs", "ListClusters", "us-east-1"); code != 200 {
		t.Errorf("another region throttled: %d", code)
	}
}
