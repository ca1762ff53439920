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

# What the SSM agent needs to run associations (the managed AmazonSSMManagedInstanceCore without
# ssm:GetParameter/GetParameters on every parameter of the account): a lesson host reads parameters only below
# its own instance's image secrets path (the policy below).
resource "aws_iam_role_policy" "ssm_agent" {
  name = "antidote-ssm-agent"
  role = aws_iam_role.host.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Action = [
          "ssm:DescribeAssociation", "ssm:GetDeployablePatchSnapshotForInstance", "ssm:GetDocument",
          "ssm:DescribeDocument", "ssm:GetManifest", "ssm:ListAssociations", "ssm:ListInstanceAssociations",
          "ssm:PutInventory", "ssm:PutComplianceItems", "ssm:PutConfigurePackageResult", "ssm:UpdateAssociationStatus",
          "ssm:UpdateInstanceAssociationStatus", "ssm:UpdateInstanceInformation",
        ]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["ec2messages:AcknowledgeMessage", "ec2messages:DeleteMessage", "ec2messages:FailMessage", "ec2messages:GetEndpoint", "ec2messages:GetMessages", "ec2messages:SendReply"]
        Resource = "*"
      },
    ]
  })
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
      # only this instance's image passwords: <image_secrets_path>/<image>/configPassword
      { Effect = "Allow", Action = ["ssm:GetParameter"], Resource = "arn:aws:ssm:${var.region}:*:parameter${local.image_secrets_path}/*/configPassword" },
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
