# A bridge-mode service on EC2 behind an instance target group: the shape
# of the conversion test (iac_test.go).
variable "cpu" {}

resource "aws_ecs_cluster" "main" {
  name = "main"
}

resource "aws_ecs_task_definition" "web" {
  family       = "web"
  network_mode = "bridge"
  cpu          = var.cpu
  container_definitions = jsonencode([
    {
      name         = "web"
      image        = "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1"
      memory       = 512
      portMappings = [{ containerPort = 8080, hostPort = 80 }]
    }
  ])
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-0123456789abcdef0"
}

resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.web.arn
  desired_count   = 2
  launch_type     = "EC2"

  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "web"
    container_port   = 8080
  }

  ordered_placement_strategy {
    type  = "spread"
    field = "instanceId"
  }
}
