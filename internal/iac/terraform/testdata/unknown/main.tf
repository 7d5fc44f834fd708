variable "network_mode" {}

variable "privileged" {
  default = false
}

variable "cluster_id" {}

resource "aws_ecs_task_definition" "app" {
  family       = "app"
  network_mode = var.network_mode

  container_definitions = jsonencode([
    {
      name       = "app"
      image      = data.aws_ecr_repository.app.repository_url
      memory     = 512
      privileged = var.privileged
    }
  ])
}

resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = var.cluster_id
  task_definition = aws_ecs_task_definition.app.arn
}
