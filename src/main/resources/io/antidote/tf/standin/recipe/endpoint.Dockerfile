# An endpoint stand-in (or the jupyter guide's): see docs/standin-images.md. bin/standin-images builds it with
# --build-arg BASE=<the base image of Debian packages>. Curriculum strings are only in standin/standin.json, which
# standin-setup.py reads; nothing here is generated from them.
ARG BASE
FROM ${BASE}
COPY standin/ /usr/local/lib/antidote-standin/
RUN ["/usr/bin/python3", "/usr/local/lib/antidote-standin/standin-setup.py", "/usr/local/lib/antidote-standin/standin.json"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/bin/bash", "/usr/local/lib/antidote-standin/standin-init"]
CMD []
