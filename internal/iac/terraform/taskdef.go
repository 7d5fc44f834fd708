package terraform

import (
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// taskDefinitionSpec maps aws_ecs_task_definition onto the
// register-task-definition request
// (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition,
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html).
// container_definitions is read apart (containers.go).
var taskDefinitionSpec = []field{
	{hcl: "family", json: "family", kind: kString},
	{hcl: "network_mode", json: "networkMode", kind: kString},
	{hcl: "requires_compatibilities", json: "requiresCompatibilities", kind: kStrings},
	{hcl: "cpu", json: "cpu", kind: kString},
	{hcl: "memory", json: "memory", kind: kString},
	{hcl: "task_role_arn", json: "taskRoleArn", kind: kString},
	{hcl: "execution_role_arn", json: "executionRoleArn", kind: kString},
	{hcl: "pid_mode", json: "pidMode", kind: kString},
	{hcl: "ipc_mode", json: "ipcMode", kind: kString},
	{hcl: "enable_fault_injection", json: "enableFaultInjection", kind: kBool},
	{hcl: "tags", json: "tags", kind: kTags},
	{hcl: "volume", json: "volumes", list: true, block: []field{
		{hcl: "name", json: "name", kind: kString},
		{hcl: "host_path", json: "hostPath", kind: kString}, // moved under host.sourcePath
		{hcl: "configure_at_launch", json: "configuredAtLaunch", kind: kBool},
		{hcl: "docker_volume_configuration", json: "dockerVolumeConfiguration", block: []field{
			{hcl: "scope", json: "scope", kind: kString},
			{hcl: "autoprovision", json: "autoprovision", kind: kBool},
			{hcl: "driver", json: "driver", kind: kString},
			{hcl: "driver_opts", json: "driverOpts", kind: kAny},
			{hcl: "labels", json: "labels", kind: kAny},
		}},
		{hcl: "efs_volume_configuration", json: "efsVolumeConfiguration", block: []field{
			{hcl: "file_system_id", json: "fileSystemId", kind: kString},
			{hcl: "root_directory", json: "rootDirectory", kind: kString},
			{hcl: "transit_encryption", json: "transitEncryption", kind: kString},
			{hcl: "transit_encryption_port", json: "transitEncryptionPort", kind: kNumber},
			{hcl: "authorization_config", json: "authorizationConfig", block: []field{
				{hcl: "access_point_id", json: "accessPointId", kind: kString},
				{hcl: "iam", json: "iam", kind: kString},
			}},
		}},
		{hcl: "fsx_windows_file_server_volume_configuration", json: "fsxWindowsFileServerVolumeConfiguration", block: []field{
			{hcl: "file_system_id", json: "fileSystemId", kind: kString},
			{hcl: "root_directory", json: "rootDirectory", kind: kString},
			{hcl: "authorization_config", json: "authorizationConfig", block: []field{
				{hcl: "credentials_parameter", json: "credentialsParameter", kind: kString},
				{hcl: "domain", json: "domain", kind: kString},
			}},
		}},
	}},
	{hcl: "placement_constraints", json: "placementConstraints", list: true, block: []field{
		{hcl: "type", json: "type", kind: kString},
		{hcl: "expression", json: "expression", kind: kString},
	}},
	{hcl: "runtime_platform", json: "runtimePlatform", block: []field{
		{hcl: "operating_system_family", json: "operatingSystemFamily", kind: kString},
		{hcl: "cpu_architecture", json: "cpuArchitecture", kind: kString},
	}},
	{hcl: "ephemeral_storage", json: "ephemeralStorage", block: []field{
		{hcl: "size_in_gib", json: "sizeInGiB", kind: kNumber},
	}},
	{hcl: "proxy_configuration", json: "proxyConfiguration", block: []field{
		{hcl: "type", json: "type", kind: kString},
		{hcl: "container_name", json: "containerName", kind: kString},
	}},
	{hcl: "inference_accelerator", json: "inferenceAccelerators", list: true, block: []field{
		{hcl: "device_name", json: "deviceName", kind: kString},
		{hcl: "device_type", json: "deviceType", kind: kString},
	}},
}

// taskDefinition translates an aws_ecs_task_definition into a
// register-task-definition request.
func (s *scope) taskDefinition(r *resource) *fleet.Translated {
	d := s.newDoc(r)
	body := r.block.Body
	td := map[string]any{}
	d.fill(s.ctx, body, taskDefinitionSpec, "", td)
	if _, ok := td["family"]; !ok {
		// The family links services to it; when it is not known, the
		// address stands in (see family).
		td["family"] = s.family(r)
	}
	if vols, ok := td["volumes"].([]any); ok {
		for i, v := range vols {
			d.hostPath(v.(map[string]any), "volumes"+index(i))
		}
	}
	if a, ok := body.Attributes["container_definitions"]; ok {
		defs, ok := d.containers(a)
		if !ok {
			defs = []any{} // unknown, or an error already reported: no rule judges them
			if _, unknown := d.unknown[cdPath]; !unknown {
				d.unknown[cdPath] = "container_definitions could not be read"
			}
		}
		td["containerDefinitions"] = defs
	} else {
		td["containerDefinitions"] = []any{} // the provider requires it; the loader says so if missing
	}
	return d.finish(td, "")
}

// hostPath moves a volume's host_path to host.sourcePath, as the API has it.
func (d *doc) hostPath(vol map[string]any, p string) {
	hp, ok := vol["hostPath"]
	if !ok {
		if why, unknown := d.unknown[p+".hostPath"]; unknown {
			delete(d.unknown, p+".hostPath")
			d.unknown[p+".host.sourcePath"] = why
		}
		return
	}
	delete(vol, "hostPath")
	vol["host"] = map[string]any{"sourcePath": hp}
	d.at[p+".host"] = d.at[p+".hostPath"]
	d.at[p+".host.sourcePath"] = d.at[p+".hostPath"]
}
