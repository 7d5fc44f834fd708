package fleetgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"

	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
)

// File is one generated input file: a slash-separated path relative to the
// dump's root, and its content.
type File struct {
	Name string
	Data []byte
}

// The top-level shapes of the CLI commands' outputs.
type (
	describeTaskDefinition struct {
		TaskDefinition ecstypes.TaskDefinition
		Tags           []ecstypes.Tag
	}
	describeServices struct {
		Services []ecstypes.Service
		Failures []ecstypes.Failure
	}
	describeContainerInstances struct {
		ContainerInstances []ecstypes.ContainerInstance
		Failures           []ecstypes.Failure
	}
	describeClusters struct {
		Clusters []ecstypes.Cluster
		Failures []ecstypes.Failure
	}
	describeImages   struct{ ImageDetails []ecrtypes.ImageDetail }
	describeInstance struct{ Reservations []ec2types.Reservation }
	describeTGs      struct{ TargetGroups []elbtypes.TargetGroup }
	describeSubnets  struct{ Subnets []ec2types.Subnet }
)

// files renders everything generated, one file per CLI call a person
// dumping the fleet would make (services and container instances batched
// per cluster), sorted by name.
func (g *gen) files() ([]File, error) {
	w := &writer{}
	var details []ecstypes.Cluster
	for _, cl := range g.clusters {
		dir := "clusters/" + cl.name + "/"
		details = append(details, cl.detail)
		w.add(dir+"services.json", describeServices{cl.services, []ecstypes.Failure{}}, awsjson.ECSCLI)
		w.add(dir+"container-instances.json", describeContainerInstances{cl.cis, []ecstypes.Failure{}}, awsjson.ECSCLI)
		w.add(dir+"instances.json", describeInstance{g.reservations(cl)}, awsjson.EC2CLI)
		if len(cl.tgs) > 0 {
			w.add(dir+"target-groups.json", describeTGs{cl.tgs}, awsjson.EC2CLI)
		}
	}
	w.add("clusters.json", describeClusters{details, []ecstypes.Failure{}}, awsjson.ECSCLI)
	var subnets []ec2types.Subnet
	for _, env := range envs {
		subnets = append(subnets, g.subnets[env]...)
	}
	w.add("subnets.json", describeSubnets{subnets}, awsjson.EC2CLI)
	for _, td := range g.taskDefs {
		name := fmt.Sprintf("task-definitions/%s-%d.json", *td.def.Family, td.def.Revision)
		w.add(name, describeTaskDefinition{td.def, td.tags}, awsjson.ECSCLI)
	}
	for repo, imgs := range g.repos {
		w.add("images/"+strings.ReplaceAll(repo, "/", "_")+".json", describeImages{imgs}, awsjson.ECSCLI)
	}
	if w.err != nil {
		return nil, w.err
	}
	sort.Slice(w.out, func(i, j int) bool { return w.out[i].Name < w.out[j].Name })
	return w.out, nil
}

// reservations wraps each host in its own reservation, as an Auto Scaling
// group launches them.
func (g *gen) reservations(cl *cluster) []ec2types.Reservation {
	out := make([]ec2types.Reservation, 0, len(cl.instances))
	for _, in := range cl.instances {
		id := "r-0" + strings.TrimPrefix(*in.InstanceId, "i-0")
		out = append(out, ec2types.Reservation{ReservationId: &id, OwnerId: &g.o.Account,
			Groups: []ec2types.GroupIdentifier{}, Instances: []ec2types.Instance{in}})
	}
	return out
}

// writer collects rendered files and the first error.
type writer struct {
	out []File
	err error
}

// add renders v in the CLI's style: its member names, indented by four.
func (w *writer) add(name string, v any, style awsjson.Style) {
	if w.err != nil {
		return
	}
	raw, err := awsjson.Marshal(v, style)
	if err != nil {
		w.err = fmt.Errorf("rendering %s: %w", name, err)
		return
	}
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", "    "); err != nil {
		w.err = fmt.Errorf("rendering %s: %w", name, err)
		return
	}
	b.WriteByte('\n')
	w.out = append(w.out, File{Name: name, Data: b.Bytes()})
}
