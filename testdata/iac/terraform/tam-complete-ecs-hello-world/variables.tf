variable "cluster_id" {
  description = "The ECS cluster ID"
  type        = string
}
