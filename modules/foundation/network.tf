resource "aws_vpc" "this" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = { Name = "antidote-${var.instance_id}" }
}

# Hosts: private subnets (/20: 4,091 addresses each: livelessons x (endpoints + 1)).
resource "aws_subnet" "hosts" {
  count             = length(var.availability_zones)
  vpc_id            = aws_vpc.this.id
  availability_zone = var.availability_zones[count.index]
  cidr_block        = cidrsubnet(var.vpc_cidr, 4, count.index)
  tags              = { Name = "antidote-${var.instance_id}-hosts-${count.index}" }
}

# Load balancers: public subnets.
resource "aws_subnet" "public" {
  count                   = length(var.availability_zones)
  vpc_id                  = aws_vpc.this.id
  availability_zone       = var.availability_zones[count.index]
  cidr_block              = cidrsubnet(var.vpc_cidr, 8, 200 + count.index)
  map_public_ip_on_launch = false
  tags                    = { Name = "antidote-${var.instance_id}-public-${count.index}" }
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }
}

resource "aws_route_table_association" "public" {
  count          = length(aws_subnet.public)
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table" "hosts" {
  vpc_id = aws_vpc.this.id
}

resource "aws_route_table_association" "hosts" {
  count          = length(aws_subnet.hosts)
  subnet_id      = aws_subnet.hosts[count.index].id
  route_table_id = aws_route_table.hosts.id
}

resource "aws_security_group" "scheduler" {
  name        = "antidote-${var.instance_id}-scheduler"
  description = "Antidote scheduler and web-SSH proxy: allowed into every livelesson"
  vpc_id      = aws_vpc.this.id
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = [var.vpc_cidr]
  }
}

resource "aws_security_group" "vpc_endpoints" {
  name        = "antidote-${var.instance_id}-vpce"
  description = "Interface VPC endpoints used by lesson hosts"
  vpc_id      = aws_vpc.this.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [var.vpc_cidr]
  }
}

resource "aws_vpc_endpoint" "interface" {
  for_each            = toset(["ssm", "ssmmessages", "ec2messages", "secretsmanager", "ecr.api", "ecr.dkr"])
  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.hosts[*].id
  security_group_ids  = [aws_security_group.vpc_endpoints.id]
  private_dns_enabled = true
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${var.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.hosts.id]
}

# Images: Docker Hub through an ECR pull-through cache, reachable inside the VPC
# (imageOrg = <account>.dkr.ecr.<region>.amazonaws.com/docker-hub/antidotelabs).
resource "aws_ecr_pull_through_cache_rule" "docker_hub" {
  count                 = var.registry_credentials_secret_arn == "" ? 0 : 1
  ecr_repository_prefix = "docker-hub"
  upstream_registry_url = "registry-1.docker.io"
  credential_arn        = var.registry_credentials_secret_arn
}
