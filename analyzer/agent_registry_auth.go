package analyzer

import (
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

var agentRegistryAuth = Rule{
	ID:       "agent-registry-auth",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "Private registry credentials may have come from the EC2 container agent",
	Rationale: "On EC2 the ECS agent can authenticate to private registries with ECS_ENGINE_AUTH_TYPE/ECS_ENGINE_AUTH_DATA from its " +
		"config file. Fargate has no agent config: credentials for a registry other than ECR must be in the task definition.",
	Remediation: "Store the registry credentials in a Secrets Manager secret, set repositoryCredentials.credentialsParameter to its ARN " +
		"(the rewrite does with `--registry-credentials REGISTRY=SECRET_ARN`) and give the execution role secretsmanager:GetSecretValue on it. " +
		"Private ECR and public registries (Docker Hub, public.ecr.aws, ghcr.io, quay.io, mcr.microsoft.com, gcr.io, registry.k8s.io, docker.elastic.co …) need nothing.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RepositoryCredentials.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
	},
	Check: checkAgentRegistryAuth,
	Fix:   fixAgentRegistryAuth,
}

func checkAgentRegistryAuth(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		img := ptr.Value(c.Image)
		if img == "" {
			return nil
		}
		ref := fleet.ParseImageRef(img)
		if ref.Kind() != fleet.RegistryPrivate {
			return nil // ECR and public registries need no credentials; an instance-local one is image-registry-local's
		}
		if c.RepositoryCredentials != nil && ptr.Value(c.RepositoryCredentials.CredentialsParameter) != "" {
			return nil
		}
		return s.one(Flag(at(path, "repositoryCredentials"), nil,
			"image %s comes from private registry %s without repositoryCredentials; on EC2 the agent supplied the credentials (ECS_ENGINE_AUTH_DATA), which Fargate does not read: "+
				"store them in a Secrets Manager secret and pass --registry-credentials %s=SECRET_ARN to the rewrite (nothing is needed if the registry allows anonymous pulls)",
			img, ref.Registry, ref.Registry))
	})
}

// fixAgentRegistryAuth sets the registry's credentials to the secret the
// user gave for it; without one the finding stays.
func fixAgentRegistryAuth(x Fixer, s *Subject, f Finding) {
	i, ok := f.Field.Element("containerDefinitions")
	if !ok {
		return
	}
	reg := fleet.ParseImageRef(ptr.Value(s.Def().ContainerDefinitions[i].Image)).Registry
	arn := x.RegistryCredential(reg)
	if arn == "" {
		return
	}
	x.Set(f.Field, map[string]string{"credentialsParameter": arn}, false,
		"repositoryCredentials.credentialsParameter set to the secret given for registry "+reg+"; the execution role must be able to read it")
}
