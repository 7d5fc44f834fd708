# container_definitions in each form modules write it.

variable "image" {
  type = string
}

variable "tag" {
  default = "1.27"
}

locals {
  containers = jsonencode([
    {
      name       = "local"
      image      = "nginx:${var.tag}"
      privileged = true
    }
  ])
}

resource "aws_ecs_task_definition" "heredoc" {
  family                = "heredoc"
  container_definitions = <<EOF
[
  {
    "name": "heredoc",
    "image": "${var.image}",
    "privileged": true
  }
]
EOF
}

resource "aws_ecs_task_definition" "file" {
  family                = "file"
  container_definitions = file("${path.module}/templates/containers.json")
}

resource "aws_ecs_task_definition" "template" {
  family = "template"
  container_definitions = templatefile("${path.module}/templates/containers.json.tpl", {
    image = var.image
    tag   = var.tag
  })
}

resource "aws_ecs_task_definition" "local" {
  family                = "local"
  container_definitions = local.containers
}
