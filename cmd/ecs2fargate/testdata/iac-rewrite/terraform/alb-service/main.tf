# A bridge-mode service on EC2 behind an instance target group and a
# listener: the end-to-end case of the Terraform rewrite (its diff golden,
# the judges, --write). Written for this project.
variable "cpu" {
  default = 256
}

resource "aws_ecs_cluster" "main" {
  name = "main"
}

resource "aws_ecs_task_definition" "web" {
  family       = "web"
  network_mode = "bridge" # the EC2 default
  cpu          = var.cpu
  container_definitions = jsonencode([
    {
      name   = "web"
      image  = "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1"
      memory = 512
      # the host port is the one the instance target group routes to
      portMappings = [{ containerPort = 8080, hostPort = 80 }]
      links        = ["cache"]
    },
    {
      name      = "cache"
      image     = "public.ecr.aws/docker/library/redis:7"
      memory    = 256
      essential = false
    }
  ])
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-0123456789abcdef0"

  health_check {
    path = "/healthz"
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef"
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
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

  placement_constraints {
    type = "distinctInstance"
  }
}
