package fleetgen

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// shapeTask turns the common task definition into the one a kind runs.
var shapeTask = map[kind]func(g *gen, f *family, td *ecstypes.TaskDefinition){
	kindWeb:       func(*gen, *family, *ecstypes.TaskDefinition) {},
	kindWorker:    shapeWorker,
	kindReady:     shapeReady,
	kindAwsvpc:    shapeAwsvpc,
	kindHostNet:   shapeHostNet,
	kindLinks:     shapeLinks,
	kindDaemon:    shapeDaemon,
	kindCI:        shapeCI,
	kindGPU:       shapeGPU,
	kindOversized: func(*gen, *family, *ecstypes.TaskDefinition) {},
	kindWindows:   shapeWindows,
}

// shapeWorker reserves memory softly, as queue consumers often do.
func shapeWorker(_ *gen, f *family, td *ecstypes.TaskDefinition) {
	c := &td.ContainerDefinitions[0]
	c.Memory, c.MemoryReservation = nil, aws.Int32(f.mem)
}

func shapeReady(_ *gen, f *family, td *ecstypes.TaskDefinition) {
	shapeAwsvpc(nil, f, td)
	td.RequiresCompatibilities = []ecstypes.Compatibility{ecstypes.CompatibilityFargate}
	td.Compatibilities = []ecstypes.Compatibility{ecstypes.CompatibilityEc2, ecstypes.CompatibilityFargate}
	td.RuntimePlatform = &ecstypes.RuntimePlatform{OperatingSystemFamily: ecstypes.OSFamilyLinux, CpuArchitecture: ecstypes.CPUArchitectureX8664}
	c := &td.ContainerDefinitions[0]
	c.LogConfiguration.Options["mode"] = "non-blocking"
	c.Ulimits = []ecstypes.Ulimit{{Name: ecstypes.UlimitNameNofile, SoftLimit: 65535, HardLimit: 65535}}
}

// shapeAwsvpc gives each task its own ENI: host port equals container port.
func shapeAwsvpc(_ *gen, f *family, td *ecstypes.TaskDefinition) {
	td.NetworkMode = ecstypes.NetworkModeAwsvpc
	c := &td.ContainerDefinitions[0]
	c.PortMappings[0].HostPort = aws.Int32(f.port)
}

func shapeHostNet(_ *gen, f *family, td *ecstypes.TaskDefinition) {
	td.NetworkMode = ecstypes.NetworkModeHost
	td.ContainerDefinitions[0].PortMappings[0].HostPort = aws.Int32(f.port)
}

// shapeLinks puts an nginx front and a cache beside the app, wired by links.
func shapeLinks(_ *gen, f *family, td *ecstypes.TaskDefinition) {
	app := &td.ContainerDefinitions[0]
	app.PortMappings, app.HealthCheck = []ecstypes.PortMapping{}, nil
	app.Links = []string{"cache:cache"}
	cache := sidecar("cache", "redis:7.2-alpine", 128, 256, app.LogConfiguration)
	proxy := sidecar("proxy", "nginx:1.27", 128, 256, app.LogConfiguration)
	proxy.Links = []string{"app:app"}
	proxy.PortMappings = []ecstypes.PortMapping{{ContainerPort: aws.Int32(80), HostPort: aws.Int32(0), Protocol: ecstypes.TransportProtocolTcp}}
	proxy.DependsOn = []ecstypes.ContainerDependency{{ContainerName: aws.String("app"), Condition: ecstypes.ContainerConditionStart}}
	td.ContainerDefinitions = append(td.ContainerDefinitions, cache, proxy)
}

// shapeDaemon is a monitoring agent that reads the host: Docker socket,
// /proc and cgroups, host PID namespace.
func shapeDaemon(g *gen, f *family, td *ecstypes.TaskDefinition) {
	td.PidMode = ecstypes.PidModeHost
	td.Volumes = []ecstypes.Volume{hostVolume("docker_sock", "/var/run/docker.sock"),
		hostVolume("proc", "/proc/"), hostVolume("cgroup", "/sys/fs/cgroup/")}
	c := &td.ContainerDefinitions[0]
	c.Image = aws.String("public.ecr.aws/datadog/agent:7.60.0")
	c.Cpu, c.Memory, c.MemoryReservation = 128, nil, aws.Int32(256)
	c.MountPoints = []ecstypes.MountPoint{mount("docker_sock", "/var/run/docker.sock"),
		mount("proc", "/host/proc/"), mount("cgroup", "/host/sys/fs/cgroup")}
	c.Privileged = aws.Bool(f.base%2 == 0)
}

// shapeCI is a privileged runner that starts builds through the host's Docker.
func shapeCI(_ *gen, _ *family, td *ecstypes.TaskDefinition) {
	td.Volumes = []ecstypes.Volume{hostVolume("docker_sock", "/var/run/docker.sock")}
	c := &td.ContainerDefinitions[0]
	c.Image = aws.String("gitlab/gitlab-runner:v17.5.0")
	c.Privileged = aws.Bool(true)
	c.MountPoints = []ecstypes.MountPoint{mount("docker_sock", "/var/run/docker.sock")}
}

func shapeGPU(_ *gen, _ *family, td *ecstypes.TaskDefinition) {
	td.ContainerDefinitions[0].ResourceRequirements = []ecstypes.ResourceRequirement{{Type: ecstypes.ResourceTypeGpu, Value: aws.String("1")}}
}

// shapeWindows is an IIS site on Windows Server 2019 in the default (NAT)
// network mode.
func shapeWindows(_ *gen, _ *family, td *ecstypes.TaskDefinition) {
	td.NetworkMode = ""
	td.RuntimePlatform = &ecstypes.RuntimePlatform{OperatingSystemFamily: ecstypes.OSFamilyWindowsServer2019Full, CpuArchitecture: ecstypes.CPUArchitectureX8664}
	c := &td.ContainerDefinitions[0]
	c.Image = aws.String("mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019")
	c.HealthCheck = nil
}

func sidecar(name, image string, cpu, mem int32, log *ecstypes.LogConfiguration) ecstypes.ContainerDefinition {
	return ecstypes.ContainerDefinition{Name: aws.String(name), Image: aws.String(image), Essential: aws.Bool(true),
		Cpu: cpu, Memory: aws.Int32(mem), Environment: []ecstypes.KeyValuePair{}, MountPoints: []ecstypes.MountPoint{},
		VolumesFrom: []ecstypes.VolumeFrom{}, PortMappings: []ecstypes.PortMapping{}, LogConfiguration: log}
}

func hostVolume(name, path string) ecstypes.Volume {
	return ecstypes.Volume{Name: aws.String(name), Host: &ecstypes.HostVolumeProperties{SourcePath: aws.String(path)}}
}

func mount(volume, path string) ecstypes.MountPoint {
	return ecstypes.MountPoint{SourceVolume: aws.String(volume), ContainerPath: aws.String(path), ReadOnly: aws.Bool(true)}
}
