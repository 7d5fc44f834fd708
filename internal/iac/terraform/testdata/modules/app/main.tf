variable "network_mode" {
  default = "bridge"
}

variable "cpu" {}

variable "subnets" {}

resource "aws_ecs_task_definition" "app" {
  family       = "app"
  network_mode = var.network_mode
  cpu          = var.cpu
  memory       = 512

  container_definitions = jsonencode([{ name = "app", image = "nginx" }])
}

resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = "main"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "EC2"

  network_configuration {
    subnets = var.subnets
  }
}
