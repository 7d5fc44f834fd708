# Terraform for the service and its task definition; the hosts they run on
# come from describe-container-instances and describe-instances output
# beside this directory (copied from examples/demo-fleet/prod-core).

resource "aws_ecs_task_definition" "api" {
  family       = "api"
  network_mode = "bridge"

  container_definitions = jsonencode([
    {
      name         = "api"
      image        = "public.ecr.aws/nginx/nginx:1.27"
      memory       = 512
      cpu          = 256
      privileged   = true
      portMappings = [{ containerPort = 80, hostPort = 0 }]
    }
  ])
}

resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = "prod-core"
  task_definition = aws_ecs_task_definition.api.arn
  launch_type     = "EC2"
  desired_count   = 3
}
