package fleetgen

import (
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// kind is the workload a task definition family stands for; it decides the
// network mode, the containers and the service around them.
type kind int

const (
	kindWeb       kind = iota // bridge, dynamic host port, behind an ALB
	kindWorker                // bridge, no ports, queue consumer
	kindReady                 // awsvpc, Fargate-compatible; half already run there
	kindAwsvpc                // awsvpc on EC2, container-level sizes only
	kindHostNet               // host network, fixed host port
	kindLinks                 // legacy app, nginx and cache joined by links
	kindDaemon                // monitoring agent on every host: Docker socket, host PID
	kindCI                    // privileged CI runner with the Docker socket
	kindGPU                   // GPU inference worker
	kindOversized             // bigger than any Fargate size
	kindWindows               // IIS on Windows Server
)

// linuxKinds weights the workloads of Linux clusters.
var linuxKinds = []weighted[kind]{
	{kindWeb, 30}, {kindWorker, 18}, {kindReady, 16}, {kindAwsvpc, 8}, {kindHostNet, 6},
	{kindLinks, 5}, {kindDaemon, 4}, {kindCI, 3}, {kindGPU, 2}, {kindOversized, 1},
}

// logDrivers weights the log drivers of EC2 families ("" = none set).
var logDrivers = []weighted[ecstypes.LogDriver]{
	{ecstypes.LogDriverAwslogs, 70}, {ecstypes.LogDriverFluentd, 10}, {ecstypes.LogDriverJsonFile, 8},
	{ecstypes.LogDriverSyslog, 6}, {"", 6},
}

// family is a task definition family and the traits every revision and
// every service of it share, drawn once.
type family struct {
	name      string
	kind      kind
	log       ecstypes.LogDriver
	base      int32 // the revision prod runs; staging and dev run newer ones
	cpu, mem  int32 // the main container's CPU units and MiB
	taskSize  bool  // cpu and memory also set at task level
	port      int32
	ecr       bool // the image is in this account's ECR
	secrets   bool // secrets from SSM (and so an execution role)
	plaintext bool // a credential-looking variable in plain text
	prefix    bool // awslogs-stream-prefix set
	taskRole  bool
	placement int // 0 none, 1 spread and binpack, 2 distinct instances
	desired   int32
	onFargate bool // kindReady only: the service already runs on Fargate
}

// newFamily draws the traits of a family of kind k.
func (g *gen) newFamily(name string, k kind) *family {
	f := &family{name: name, kind: k, base: 1 + int32(g.rnd.IntN(40)), port: 8080, ecr: true,
		log: pick(g.rnd, logDrivers), secrets: g.chance(30), plaintext: g.chance(3), prefix: g.chance(80),
		taskRole: g.chance(60), placement: g.rnd.IntN(3), desired: 1 + int32(g.rnd.IntN(4)), taskSize: g.chance(40)}
	f.cpu = []int32{128, 256, 256, 512, 512, 1024, 2048}[g.rnd.IntN(7)]
	f.mem = f.cpu * []int32{2, 2, 4}[g.rnd.IntN(3)]
	switch k {
	case kindReady:
		f.log, f.prefix, f.secrets, f.taskRole, f.taskSize, f.plaintext = ecstypes.LogDriverAwslogs, true, true, true, true, false
		f.cpu = []int32{256, 512, 1024}[g.rnd.IntN(3)]
		f.mem = f.cpu * 2 // a valid Fargate size
		f.onFargate = g.chance(50)
	case kindDaemon, kindCI:
		f.ecr, f.taskSize = false, false
	case kindGPU:
		f.cpu, f.mem = 4096, 15360
	case kindOversized:
		f.cpu, f.mem, f.taskSize, f.desired = 8192, 163840, true, 1
	case kindWindows:
		f.cpu, f.mem, f.log, f.taskSize = 1024, 2048, ecstypes.LogDriverAwslogs, true
	}
	switch k {
	case kindHostNet:
		f.port = 9000 + int32(g.rnd.IntN(900))
	case kindLinks, kindWindows:
		f.port = 80
	}
	return f
}

// revisionFor picks the revision a service in env runs: prod the base,
// staging and dev the same or a newer one, so revisions are shared.
func (g *gen) revisionFor(f *family, env string) int32 {
	switch env {
	case "staging":
		return f.base + int32(g.rnd.IntN(2))
	case "dev":
		return f.base + int32(g.rnd.IntN(3))
	}
	return f.base
}
