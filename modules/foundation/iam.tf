locals {
  image_secrets_path = "/antidote/${var.instance_id}/images"
}

resource "aws_iam_role" "host" {
  name = "antidote-${var.instance_id}-host"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "ssm_core" {
  role       = aws_iam_role.host.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_role_policy_attachment" "ecr_read" {
  role       = aws_iam_role.host.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"
}

resource "aws_iam_role_policy" "host" {
  name = "antidote-host"
  role = aws_iam_role.host.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat([
      { Effect = "Allow", Action = ["ssm:GetParameter"], Resource = "arn:aws:ssm:${var.region}:*:parameter${local.image_secrets_path}/*" },
      { Effect = "Allow", Action = ["elasticfilesystem:ClientMount"], Resource = aws_efs_file_system.curriculum.arn },
      ], var.registry_credentials_secret_arn == "" ? [] : [
      { Effect = "Allow", Action = ["secretsmanager:GetSecretValue"], Resource = var.registry_credentials_secret_arn },
    ])
  })
}

resource "aws_iam_instance_profile" "host" {
  name = "antidote-${var.instance_id}-host"
  role = aws_iam_role.host.name
}

resource "aws_ssm_parameter" "config_password" {
  for_each = nonsensitive(toset(keys(var.image_config_passwords)))
  name     = "${local.image_secrets_path}/${each.key}/configPassword"
  type     = "SecureString"
  value    = var.image_config_passwords[each.key]
}
