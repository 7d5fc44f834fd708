package fleetgen

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// mainContainer is the application container every family has.
func (g *gen) mainContainer(f *family, rev int32) ecstypes.ContainerDefinition {
	c := ecstypes.ContainerDefinition{
		Name:             aws.String("app"),
		Image:            aws.String(g.image(f, rev)),
		Essential:        aws.Bool(true),
		Cpu:              f.cpu,
		Memory:           aws.Int32(f.mem),
		Environment:      environment(f),
		MountPoints:      []ecstypes.MountPoint{},
		VolumesFrom:      []ecstypes.VolumeFrom{},
		PortMappings:     []ecstypes.PortMapping{},
		LogConfiguration: g.logConfig(f),
	}
	if f.secrets {
		c.Secrets = []ecstypes.Secret{{Name: aws.String("DB_PASSWORD"),
			ValueFrom: aws.String(g.arn("ssm", "parameter/"+f.name+"/db-password"))}}
	}
	if f.kind != kindWorker && f.kind != kindDaemon && f.kind != kindCI {
		c.PortMappings = []ecstypes.PortMapping{{ContainerPort: aws.Int32(f.port), HostPort: aws.Int32(0), Protocol: ecstypes.TransportProtocolTcp}}
		c.HealthCheck = &ecstypes.HealthCheck{Command: []string{"CMD-SHELL", fmt.Sprintf("curl -f http://localhost:%d/health || exit 1", f.port)},
			Interval: aws.Int32(30), Timeout: aws.Int32(5), Retries: aws.Int32(3)}
	}
	return c
}

// environment is the family's plain variables; some families keep a
// credential-looking one there (the value is a dummy, never a real secret).
func environment(f *family) []ecstypes.KeyValuePair {
	env := []ecstypes.KeyValuePair{
		{Name: aws.String("LOG_LEVEL"), Value: aws.String("info")},
		{Name: aws.String("SERVICE_NAME"), Value: aws.String(f.name)},
	}
	if f.plaintext {
		env = append(env, ecstypes.KeyValuePair{Name: aws.String("API_TOKEN"), Value: aws.String("dummy-value-for-benchmarks")})
	}
	return env
}

// logConfig is the family's log driver with the options real fleets set.
func (g *gen) logConfig(f *family) *ecstypes.LogConfiguration {
	opts := map[string]string{}
	switch f.log {
	case "":
		return nil
	case ecstypes.LogDriverAwslogs:
		opts["awslogs-group"] = "/ecs/" + f.name
		opts["awslogs-region"] = g.o.Region
		if f.prefix {
			opts["awslogs-stream-prefix"] = "ecs"
		}
	case ecstypes.LogDriverFluentd:
		opts["fluentd-address"] = "localhost:24224"
		opts["tag"] = "ecs." + f.name
	case ecstypes.LogDriverJsonFile:
		opts["max-size"] = "10m"
		opts["max-file"] = "3"
	case ecstypes.LogDriverSyslog:
		opts["syslog-address"] = "udp://syslog.internal:514"
		opts["tag"] = f.name
	}
	return &ecstypes.LogConfiguration{LogDriver: f.log, Options: opts}
}
