variable "instance_id" {
  description = "Antidote instanceId (DNS label, <= 20 chars)"
  type        = string
  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?$", var.instance_id))
    error_message = "instance_id must be a DNS label of at most 20 characters."
  }
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "availability_zones" {
  description = "Two or more AZs of the region (no data source looks them up)"
  type        = list(string)
  default     = ["us-east-1a", "us-east-1b"]
}

variable "vpc_cidr" {
  type    = string
  default = "10.40.0.0/16"
}

variable "ami_id" {
  description = "Host AMI: docker, gVisor runsc, amazon-efs-utils, AWS CLI, jq, SSM agent"
  type        = string
}

variable "instance_type" {
  type    = string
  default = "m5.xlarge"
}

variable "trusted_instance_type" {
  description = "Bare-metal type for lessons with trusted (KVM) images"
  type        = string
  default     = "c5.metal"
}

variable "root_volume_gb" {
  type    = number
  default = 50
}

variable "certificate_arn" {
  description = "ACM certificate for *.<hepsDomain>"
  type        = string
}

variable "alb_shards" {
  description = "Number of ALBs (each holds at most 100 target groups)"
  type        = number
  default     = 1
}

variable "public_zone_id" {
  description = "Route 53 zone of hepsDomain; required when alb_shards > 1"
  type        = string
  default     = ""
}

variable "private_zone_domain" {
  type    = string
  default = "antidote.internal"
}

variable "efs_curriculum_path" {
  type    = string
  default = "/curriculum"
}

variable "image_config_passwords" {
  description = "Image slug -> configPassword, stored as SSM SecureStrings under the image secrets path"
  type        = map(string)
  sensitive   = true
  default     = {}
}

variable "registry_credentials_secret_arn" {
  description = "Optional Secrets Manager secret {registry, username, password} for private images"
  type        = string
  default     = ""
}

variable "configuration_timeout_seconds" {
  type    = number
  default = 600
}
