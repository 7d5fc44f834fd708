# A root module calling a local module with literal inputs and one that is
# not known statically.

variable "subnets" {
  type = list(string)
}

module "app" {
  source = "../app"

  network_mode = "awsvpc"
  cpu          = 256
  subnets      = var.subnets
}

module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}
