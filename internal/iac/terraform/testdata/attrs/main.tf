# One of each attribute the rules read, on an EC2 stack.

resource "aws_ecs_cluster" "main" {
  name = "main"
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["asg"]

  default_capacity_provider_strategy {
    capacity_provider = "asg"
    weight            = 1
  }
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  network_mode             = "bridge"
  requires_compatibilities = ["EC2"]
  cpu                      = 512
  memory                   = "1024"
  pid_mode                 = "host"
  ipc_mode                 = "host"
  task_role_arn            = "arn:aws:iam::123456789012:role/app"
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"

  container_definitions = jsonencode([
    {
      name       = "web"
      image      = "nginx:1.27"
      memory     = 512
      privileged = true
      portMappings = [
        { containerPort = 80, hostPort = 8080 }
      ]
      logConfiguration = {
        logDriver = "json-file"
      }
    }
  ])

  volume {
    name      = "docker"
    host_path = "/var/run/docker.sock"
  }

  volume {
    name = "data"

    docker_volume_configuration {
      scope  = "shared"
      driver = "rexray/ebs"
    }
  }

  volume {
    name = "efs"

    efs_volume_configuration {
      file_system_id     = "fs-12345678"
      transit_encryption = "ENABLED"
    }
  }

  placement_constraints {
    type       = "memberOf"
    expression = "attribute:ecs.instance-type =~ t3.*"
  }

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  ephemeral_storage {
    size_in_gib = 30
  }
}

resource "aws_lb_target_group" "web" {
  name        = "web"
  port        = 80
  protocol    = "HTTP"
  target_type = "instance"
}

resource "aws_lb_target_group" "default" {
  name     = "default"
  port     = 80
  protocol = "HTTP"
}

resource "aws_ecs_service" "web" {
  name                = "web"
  cluster             = aws_ecs_cluster.main.id
  task_definition     = aws_ecs_task_definition.app.arn
  launch_type         = "EC2"
  scheduling_strategy = "REPLICA"
  desired_count       = 2

  network_configuration {
    subnets          = ["subnet-1", "subnet-2"]
    security_groups  = ["sg-1"]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "web"
    container_port   = 80
  }

  ordered_placement_strategy {
    type  = "binpack"
    field = "memory"
  }

  placement_constraints {
    type = "distinctInstance"
  }
}

resource "aws_ecs_service" "worker" {
  name            = "worker"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.app.arn

  capacity_provider_strategy {
    capacity_provider = "asg"
    weight            = 1
    base              = 1
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.default.arn
    container_name   = "web"
    container_port   = 80
  }
}

resource "aws_ecs_service" "agent" {
  name                = "agent"
  cluster             = aws_ecs_cluster.main.id
  task_definition     = aws_ecs_task_definition.app.arn
  scheduling_strategy = "DAEMON"
}

resource "aws_ecs_service" "deploy" {
  name                               = "deploy"
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.app.arn
  launch_type                        = "EC2"
  platform_version                   = "1.4.0"
  desired_count                      = 4
  deployment_maximum_percent         = 150
  deployment_minimum_healthy_percent = 50
  health_check_grace_period_seconds  = 60
  enable_execute_command             = true
  iam_role                           = "arn:aws:iam::123456789012:role/ecsServiceRole"

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  service_registries {
    registry_arn = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1"
  }

  tags = {
    team = "payments"
  }
}
