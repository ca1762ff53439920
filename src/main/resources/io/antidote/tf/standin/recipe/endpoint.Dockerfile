# An endpoint stand-in (or the jupyter guide's): see docs/standin-images.md. bin/standin-images builds it with
# --build-arg BASE=<the base image of Debian packages>. Curriculum strings are only in standin/users.json, which
# standin-setup.py reads; nothing here is generated from them. Everything up to the last COPY depends on the users and
# SSH ports only, so images that share them share those layers (Docker's build cache).
ARG BASE
FROM ${BASE}
COPY standin/ /usr/local/lib/antidote-standin/
RUN ["/usr/bin/python3", "/usr/local/lib/antidote-standin/standin-setup.py", "/usr/local/lib/antidote-standin/users.json"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/bin/bash", "/usr/local/lib/antidote-standin/standin-init"]
CMD []
COPY image/serve.json /usr/local/lib/antidote-standin/serve.json
