package fleet

import (
	"sync"

	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
)

// Fleet is everything read from the inputs, linked: services point at their
// task definitions, clusters group services and container instances.
type Fleet struct {
	TaskDefinitions    []*TaskDefinition
	Services           []*Service
	Clusters           []*Cluster
	ContainerInstances []*ContainerInstance
	Instances          []*Instance
	Images             []*Image
	TargetGroups       []*TargetGroup
	Subnets            []*Subnet
	// Volumes are EBS volumes from describe-volumes (the container
	// instances' disks, which the cost model prices with the hosts).
	Volumes []*Volume
	// Metrics are per-service utilisation figures (live discovery only).
	Metrics []ServiceMetrics
	// ClusterMetrics are per-cluster host counts over the window.
	ClusterMetrics []ClusterMetrics
	// Gaps are parts of an estate that a live discovery could not read; they
	// travel in snapshots so that an offline audit reports them too.
	Gaps []Gap
	// Inputs lists every file read, in the order read.
	Inputs []string

	// translated holds, by IaC file, where its translated documents' paths
	// lie in it (see Fleet.Locate).
	translated map[string][]translatedDoc
	// units holds, by IaC file, the translator and unit that read it (see
	// Fleet.EditorOf).
	units map[string]*unitInput

	index     *index
	indexOnce sync.Once // guards building index for hand-assembled fleets
}

// Source says where a document was read from: the file and the JSON path of
// the document inside it (empty when the document is the whole file).
type Source struct {
	File string `json:"file"`
	Path string `json:"path,omitempty"`
}

// Doc is one input document: its original bytes and where they came from.
// Rewrites edit a copy of Bytes, so key order and fields newer than our SDK
// survive.
type Doc struct {
	Source Source
	// Raw holds the document's bytes when they live only in memory
	// (standard input, live discovery, YAML and IaC translations,
	// snapshots, documents built by hand). A document read from a JSON file
	// leaves Raw nil and its bytes on disk: read them with Bytes.
	Raw []byte
	// Unknown lists the fields that the source sets to a value that cannot
	// be known statically (a Terraform variable with no literal value), by
	// JSON path inside the document, with the reason. Such a field is absent
	// from Raw and the typed value; rules that read it report "not checked"
	// with the reason (see analyzer) rather than judge it absent.
	Unknown map[string]string
	// disk is where the bytes lie in Source.File when Raw is nil.
	disk diskSpan
}

// TaskDefinition is a task definition in the ECS API shape, with the tags a
// describe-task-definition call returned beside it.
type TaskDefinition struct {
	Def  ecstypes.TaskDefinition
	Tags []ecstypes.Tag
	Doc  Doc
	// Identity is the account and region of its ARN; for an input without
	// one (the register shape) the default the fleet was loaded with, and
	// IdentityAssumed says so.
	Identity        Identity
	IdentityAssumed bool
	// Registerable is true when the input was in the register-task-definition
	// request shape rather than describe output.
	Registerable bool
}

// Service is a service from describe-services, linked to its task
// definition when the inputs hold it.
type Service struct {
	Svc     ecstypes.Service
	Doc     Doc
	Cluster string // cluster name, from clusterArn
	// Identity is the account and region of its ARN (serviceArn, else
	// clusterArn, else its task definition's ARN), else the load default
	// with IdentityAssumed set.
	Identity        Identity
	IdentityAssumed bool
	// TaskDef is nil when the task definition was not among the inputs.
	TaskDef *TaskDefinition
	// Metrics is the service's CloudWatch utilisation, when discovered.
	Metrics *ServiceMetrics
}

// Cluster gathers what the inputs say about one ECS cluster.
type Cluster struct {
	Name               string
	Identity           Identity          // with Name, what tells two clusters apart
	Detail             *ecstypes.Cluster // from describe-clusters, when given
	DetailDoc          Doc
	Services           []*Service
	ContainerInstances []*ContainerInstance
	// Metrics is the cluster's CloudWatch host count, when read.
	Metrics *ClusterMetrics
}

// ContainerInstance is an EC2 host registered with a cluster.
type ContainerInstance struct {
	CI      ecstypes.ContainerInstance
	Doc     Doc
	Cluster string
	// Identity is the account and region of its ARN.
	Identity Identity
	// Instance is the EC2 instance behind it, when describe-instances output
	// was among the inputs.
	Instance *Instance
}

// Instance is an EC2 instance from describe-instances.
type Instance struct {
	EC2 ec2types.Instance
	Doc Doc
	// Identity is the reservation's OwnerId and the region of the
	// instance's Availability Zone (describe-instances carries no ARN).
	Identity Identity
}

// Image is a container image from ECR describe-images.
type Image struct {
	Detail ecrtypes.ImageDetail
	Doc    Doc
	// Identity's account is the registryId; describe-images names no region.
	Identity Identity
}

// TargetGroup is an ELBv2 target group from describe-target-groups.
type TargetGroup struct {
	TG       elbtypes.TargetGroup
	Doc      Doc
	Identity Identity // from its ARN
}

// Volume is an EBS volume from ec2 describe-volumes.
type Volume struct {
	EC2 ec2types.Volume
	Doc Doc
	// Identity is the region of the volume's Availability Zone;
	// describe-volumes carries no ARN and no owner.
	Identity Identity
}

// Subnet is a VPC subnet from describe-subnets (free IP addresses matter:
// every Fargate task takes one).
type Subnet struct {
	EC2      ec2types.Subnet
	Doc      Doc
	Identity Identity // from SubnetArn, else OwnerId and Availability Zone
}

// Gap records something that could not be read and why.
type Gap struct {
	Scope  string `json:"scope"`  // e.g. "account 123456789012 region eu-west-1 cluster web"
	Reason string `json:"reason"` // e.g. "AccessDenied: ecs:ListServices"
}
