# Terraform CLI configuration for the example: providers come from the local filesystem mirror only
# (the AWS provider, registry.terraform.io/hashicorp/aws 5.x), never from the network.
# Fill a mirror on a machine with network access: see .github/workflows/plan.yml ("Provider mirror").
provider_installation {
  filesystem_mirror {
    path    = "/opt/tf-plugins"
    include = ["registry.terraform.io/*/*"]
  }
  direct {
    exclude = ["registry.terraform.io/*/*"]
  }
}
