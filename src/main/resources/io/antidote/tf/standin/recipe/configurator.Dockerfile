# The configurator stand-in: every command is recorded (one line on stdout), see docs/standin-images.md.
# `python`, `ansible-playbook` and `/configure.py` are the recorder too, for runs that replace the entrypoint.
ARG BASE
FROM ${BASE}
COPY rootfs/ /
ENTRYPOINT ["/usr/local/bin/antidote-configurator"]
CMD []
