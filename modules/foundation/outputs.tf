# One output per key of backendConfigs.terraform.aws (output snake_case = key camelCase); see docs/aws.md.
output "region" { value = var.region }
output "offline" { value = false }
output "vpc_id" { value = aws_vpc.this.id }
output "subnet_ids" { value = aws_subnet.hosts[*].id }
output "ami_id" { value = var.ami_id }
output "instance_type" { value = var.instance_type }
output "trusted_instance_type" { value = var.trusted_instance_type }
output "root_volume_gb" { value = var.root_volume_gb }
output "instance_profile_name" { value = aws_iam_instance_profile.host.name }
output "scheduler_security_group_id" { value = aws_security_group.scheduler.id }
output "alb_security_group_id" { value = aws_security_group.alb.id }
output "efs_security_group_id" { value = aws_security_group.efs.id }
output "vpc_endpoint_security_group_id" { value = aws_security_group.vpc_endpoints.id }
output "s3_prefix_list_id" { value = aws_vpc_endpoint.s3.prefix_list_id }
output "efs_file_system_id" { value = aws_efs_file_system.curriculum.id }
output "efs_curriculum_path" { value = var.efs_curriculum_path }
output "private_zone_domain" { value = var.private_zone_domain }
output "listeners" {
  value = [for i in range(var.alb_shards) : {
    listenerArn = aws_lb_listener.https[i].arn
    albDnsName  = aws_lb.shard[i].dns_name
    albZoneId   = aws_lb.shard[i].zone_id
  }]
}
output "public_zone_id" { value = var.public_zone_id }
output "image_secrets_path" { value = local.image_secrets_path }
output "registry_credentials_secret_arn" { value = var.registry_credentials_secret_arn }
output "configuration_timeout_seconds" { value = var.configuration_timeout_seconds }
