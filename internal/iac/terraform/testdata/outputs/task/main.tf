variable "family" {}

resource "aws_ecs_task_definition" "this" {
  family       = var.family
  network_mode = "bridge"

  container_definitions = jsonencode([{ name = "orders", image = "nginx", memory = 256 }])
}

output "arn" {
  value = aws_ecs_task_definition.this.arn
}
