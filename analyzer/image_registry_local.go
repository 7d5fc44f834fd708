package analyzer

import (
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

var imageRegistryLocal = Rule{
	ID:       "image-registry-local",
	Scope:    ScopeTask,
	Severity: Blocker,
	Title:    "The image comes from a registry on the EC2 host itself",
	Rationale: "An image named `localhost:5000/…` or `127.0.0.1:5000/…` is pulled from a registry running on the container instance. " +
		"A Fargate task pulls through its own network interface in AWS-managed infrastructure, where no such registry exists.",
	Remediation: "Push the image to Amazon ECR (or another registry the task subnets can reach) and point the container at it.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_image",
	},
	Fallback: "push the image to Amazon ECR, then move",
	Check:    checkImageRegistryLocal,
}

func checkImageRegistryLocal(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		img := ptr.Value(c.Image)
		ref := fleet.ParseImageRef(img)
		if img == "" || ref.Kind() != fleet.RegistryInstanceLocal {
			return nil
		}
		return s.one(Flag(at(path, "image"), img,
			"image %s comes from %s, a registry on the EC2 host, which a Fargate task cannot reach; push it to ECR", img, ref.Registry))
	})
}
