# The service is in the root module; its task definition comes from a local
# module, through the module's output.

module "task" {
  source = "./task"

  family = "orders"
}

resource "aws_ecs_service" "orders" {
  name            = "orders"
  cluster         = "main"
  task_definition = module.task.arn
  launch_type     = "EC2"
}
