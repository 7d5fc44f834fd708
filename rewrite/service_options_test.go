package rewrite

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

func svcTestFleet(svc ecstypes.Service, td *fleet.TaskDefinition) (*fleet.Fleet, *fleet.Service) {
	s := &fleet.Service{Svc: svc, Cluster: "c", TaskDef: td}
	f := &fleet.Fleet{Services: []*fleet.Service{s}}
	if td != nil {
		f.TaskDefinitions = []*fleet.TaskDefinition{td}
	}
	return f, s
}

func TestServiceRejectsBadOptions(t *testing.T) {
	f, s := svcTestFleet(ecstypes.Service{ServiceName: aws.String("web")}, nil)
	for _, tc := range []struct {
		name, td, want string
		opts           ServiceOptions
	}{
		{"no task definition", " ", "no task definition", ServiceOptions{}},
		{"negative spot weight", "web:2", "spot weight -1", ServiceOptions{SpotWeight: -1}},
		{"spot weight too big", "web:2", "spot weight 1001", ServiceOptions{SpotWeight: 1001}},
		{"not a subnet", "web:2", `subnets[1] "sg-1"`, ServiceOptions{Subnets: []string{"subnet-1", "sg-1"}}},
		{"not a security group", "web:2", `security groups[0] "subnet-1"`, ServiceOptions{SecurityGroups: []string{"subnet-1"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Service(f, s, tc.td, tc.opts)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "c/web") {
				t.Fatalf("error %v, want one naming the service and %q", err, tc.want)
			}
		})
	}
	if _, err := Service(nil, s, "web:2", ServiceOptions{}); err == nil {
		t.Error("nil fleet accepted")
	}
}

// A Windows task cannot run on Fargate Spot: the spot weight is ignored
// and a remaining finding says why.
func TestServiceSpotWeightSkipsWindows(t *testing.T) {
	td := &fleet.TaskDefinition{Def: ecstypes.TaskDefinition{Family: aws.String("win"), Revision: 1,
		RuntimePlatform: &ecstypes.RuntimePlatform{OperatingSystemFamily: ecstypes.OSFamilyWindowsServer2022Core}}}
	f, s := svcTestFleet(ecstypes.Service{ServiceName: aws.String("win"), TaskDefinition: aws.String("win:1"), LaunchType: ecstypes.LaunchTypeEc2}, td)
	res, err := Service(f, s, "win:2", ServiceOptions{SpotWeight: 2, Subnets: []string{"subnet-1"}, SecurityGroups: []string{"sg-1"}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(res.UpdateService), capacityFargateSpot) {
		t.Errorf("Windows service got FARGATE_SPOT:\n%s", res.UpdateService)
	}
	// Under fargate-spot-behaviour, a warning: nothing blocks the move,
	// Spot was only left out (fargate-spot-windows is the audit's blocker
	// for a Windows service that already has Spot).
	if !svcHasRemaining(res, "fargate-spot-behaviour") {
		t.Error("no fargate-spot-behaviour item saying Spot was left out")
	}
}

// A service already on Fargate with the same settings needs no change:
// the rewrite is idempotent on its own output.
func svcHasRemaining(res *ServiceResult, rule string) bool {
	for _, r := range res.Remaining {
		if r.RuleID == rule {
			return true
		}
	}
	return false
}

func TestIPTargetGroupName(t *testing.T) {
	long := "a-very-long-target-group-name-x1"
	arnA := "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/" + long + "/aaa"
	arnB := "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/" + long + "/bbb"
	for _, tc := range []struct{ old, arn string }{{"web", "x"}, {long, arnA}, {long, arnB}, {"-odd_name.v2-", "y"}, {"", "z"}, {"abcdefghijklmnopqrstuvwxyz-1234-", "w"}} {
		name := ipTargetGroupName(tc.old, tc.arn)
		if len(name) > maxTargetGroupName || name == "" || strings.HasPrefix(name, "-") || strings.HasSuffix(name, "-") ||
			strings.HasPrefix(name, "internal-") || sanitizeTargetGroupName(name) != name {
			t.Errorf("ipTargetGroupName(%q) = %q: not a valid target group name", tc.old, name)
		}
		if again := ipTargetGroupName(tc.old, tc.arn); again != name {
			t.Errorf("not deterministic: %q then %q", name, again)
		}
	}
	if ipTargetGroupName("web", "x") != "web-ip" {
		t.Errorf("short names get -ip: %q", ipTargetGroupName("web", "x"))
	}
	if ipTargetGroupName(long, arnA) == ipTargetGroupName(long, arnB) {
		t.Error("two long names with the same start got the same new name")
	}
}

func TestServiceWithoutNameIsAnError(t *testing.T) {
	f, s := svcTestFleet(ecstypes.Service{}, nil)
	s.Doc.Source = fleet.Source{File: "services.json", Path: "services[3]"}
	_, err := Service(f, s, "web:2", ServiceOptions{})
	if err == nil || !strings.Contains(err.Error(), "services.json services[3]") || !strings.Contains(err.Error(), "serviceName") {
		t.Fatalf("error %v, want one naming the file, path and serviceName", err)
	}
}

// A service with nothing but a name still gets a valid request and no
// panic: every missing setting becomes a placeholder or a default.
func TestServiceMinimalInput(t *testing.T) {
	f, s := svcTestFleet(ecstypes.Service{ServiceName: aws.String("bare")}, nil)
	s.Cluster = ""
	res, err := Service(f, s, "bare:1", ServiceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.UpdateService == nil || !strings.Contains(string(res.UpdateService), placeholderSubnet) || !svcHasRemaining(res, "network-configuration") {
		t.Fatalf("want an update with placeholder subnets and a remaining finding, got %s %+v", res.UpdateService, res.Remaining)
	}
	if strings.Contains(string(res.UpdateService), `"cluster"`) {
		t.Error("a service without cluster got a cluster member")
	}
}

// The side-by-side count of a DAEMON service: its desired count, else one
// per container instance of the cluster, else 1.
func TestDaemonSideBySideCount(t *testing.T) {
	for _, tc := range []struct {
		desired   int32
		instances int
		want      string
	}{{4, 2, `"desiredCount": 4`}, {0, 3, `"desiredCount": 3`}, {0, 0, `"desiredCount": 1`}} {
		f, s := svcTestFleet(ecstypes.Service{ServiceName: aws.String("agent"), SchedulingStrategy: ecstypes.SchedulingStrategyDaemon, DesiredCount: tc.desired}, nil)
		cl := &fleet.Cluster{Name: "c"}
		for range tc.instances {
			cl.ContainerInstances = append(cl.ContainerInstances, &fleet.ContainerInstance{Cluster: "c"})
		}
		f.Clusters = []*fleet.Cluster{cl}
		res, err := Service(f, s, "agent:2", ServiceOptions{Subnets: []string{"subnet-1"}, SecurityGroups: []string{"sg-1"}})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(res.CreateService), tc.want) || res.UpdateService != nil {
			t.Errorf("desired %d, %d instances: want %s in create-service, got\n%s", tc.desired, tc.instances, tc.want, res.CreateService)
		}
	}
}

// A service on the FARGATE launch type keeps it: no strategy is sent.
