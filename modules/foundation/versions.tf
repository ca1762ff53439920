# The shared infrastructure of one Antidote instance on AWS: applied once by an operator; its outputs are
# backendConfigs.terraform.aws (one output per key, see docs/aws.md). No data sources, so it validates offline.
terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.23"
    }
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = { antidoteManaged = "foundation", antidoteId = var.instance_id }
  }
}
