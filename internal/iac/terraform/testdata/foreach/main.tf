# One task definition and one service per entry of a map, as modules that
# manage several services write them.

variable "services" {
  default = {
    api = 256
    web = 512
  }
}

resource "aws_ecs_task_definition" "this" {
  for_each = var.services

  family = each.key
  cpu    = each.value
  memory = each.value * 2

  container_definitions = jsonencode([{ name = each.key, image = "nginx", memory = each.value }])
}

resource "aws_ecs_service" "this" {
  for_each = var.services

  name            = each.key
  cluster         = "main"
  task_definition = aws_ecs_task_definition.this[each.key].arn
  launch_type     = "EC2"
}

resource "aws_ecs_service" "none" {
  count = 0

  name            = "none"
  task_definition = aws_ecs_task_definition.this["api"].arn
}
