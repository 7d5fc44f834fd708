# Container definitions in the two other forms the editor writes in their
# own style: a heredoc of JSON and a JSON file read with file(). Written
# for this project.
resource "aws_ecs_task_definition" "heredoc" {
  family                = "heredoc"
  network_mode          = "bridge"
  container_definitions = <<JSON
[
  {
    "name": "app",
    "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1",
    "memory": 256,
    "portMappings": [{"containerPort": 80, "hostPort": 8080}]
  }
]
JSON
}

resource "aws_ecs_task_definition" "file" {
  family                = "file"
  container_definitions = file("${path.module}/containers.json")

  volume {
    name      = "data"
    host_path = "/srv/data"
  }
}
