resource "aws_security_group" "efs" {
  name        = "antidote-${var.instance_id}-efs"
  description = "The curriculum file system"
  vpc_id      = aws_vpc.this.id
  ingress {
    from_port   = 2049
    to_port     = 2049
    protocol    = "tcp"
    cidr_blocks = [var.vpc_cidr]
  }
}

resource "aws_efs_file_system" "curriculum" {
  encrypted        = true
  throughput_mode  = "elastic"
  performance_mode = "generalPurpose"
  tags             = { Name = "antidote-${var.instance_id}-curriculum" }
}

resource "aws_efs_mount_target" "hosts" {
  count           = length(aws_subnet.hosts)
  file_system_id  = aws_efs_file_system.curriculum.id
  subnet_id       = aws_subnet.hosts[count.index].id
  security_groups = [aws_security_group.efs.id]
}
