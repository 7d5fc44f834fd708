package awslimits

import "testing"

func TestBucketsAreDocumentedSizesPerAPI(t *testing.T) {
	for _, c := range []struct {
		service, op, name string
		want              Rate
	}{
		{"ecs", "DescribeTaskDefinition", "ecs:DescribeTaskDefinition", Rate{50, 20}},
		{"ec2", "DescribeInstances", "ec2:DescribeInstances", Rate{100, 20}},
		{"ecr", "DescribeImages", "ecr:DescribeImages", Rate{50, 20}},
	} {
		name, r := Bucket(c.service, c.op)
		if name != c.name || r != c.want {
			t.Errorf("Bucket(%s, %s) = %s %+v, want %s %+v", c.service, c.op, name, r, c.name, c.want)
		}
	}
	if a, _ := Bucket("ecs", "ListServices"); a == "ecs:DescribeServices" {
		t.Error("two ECS actions share a bucket")
	}
}

func TestScaledKeepsTheShapeAndAtLeastOneToken(t *testing.T) {
	if got := (Rate{50, 20}).Scaled(0.04); got != (Rate{2, 0.8}) {
		t.Errorf("50/20 scaled by 0.04 = %+v, want 2/0.8", got)
	}
	if got := (Rate{50, 20}).Scaled(0.001); got.Burst != 1 {
		t.Errorf("burst %d, want at least 1", got.Burst)
	}
	if got := (Rate{50, 20}).Scaled(0); got != (Rate{50, 20}) {
		t.Errorf("scale 0 changed the rate: %+v", got)
	}
}
