#!/usr/bin/python3
"""The servers of an endpoint stand-in, as PID 1 (docs/standin-images.md).

sshd on every SSH port, an HTTP server answering GET with a line naming the image and port on every HTTP port, and
a TCP listener that accepts (and holds) connections on every other port, all as serve.json says. SIGTERM or SIGINT
stops everything at once (exit 0); a server that cannot listen, or sshd exiting, ends the container (exit 1) with a
line on stderr. Orphans are reaped, as PID 1 must.
"""
import signal

# Blocked before anything else, so that a SIGTERM during start-up waits for sigwait below instead of being dropped
# (the kernel ignores signals PID 1 has no handler for).
SIGNALS = {signal.SIGTERM, signal.SIGINT, signal.SIGCHLD}
signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)

import json  # noqa: E402
import os  # noqa: E402
import socketserver  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402

LIB = "/usr/local/lib/antidote-standin"


def log(message):
    sys.stderr.write("antidote stand-in: " + message + "\n")
    sys.stderr.flush()


class Http(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class Tcp(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def http_handler(text):
    body = text.encode("utf-8")

    class Handler(BaseHTTPRequestHandler):
        server_version = "antidote-standin"

        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_HEAD(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()

        def log_message(self, fmt, *args):
            log("http " + str(self.server.server_address[1]) + ": " + (fmt % args))

    return Handler


class Hold(socketserver.BaseRequestHandler):
    """Accepts a connection and keeps it open until the peer closes it, discarding what it sends."""

    def handle(self):
        while self.request.recv(65536):
            pass


def start_sshd():
    os.makedirs("/run/sshd", mode=0o755, exist_ok=True)
    # the child must not inherit the blocked signals (sshd would ignore SIGTERM); no thread runs yet
    return subprocess.Popen(["/usr/sbin/sshd", "-D", "-e", "-f", LIB + "/sshd_config"],
                            preexec_fn=lambda: signal.pthread_sigmask(signal.SIG_SETMASK, []))


def stop(sshd, code):
    if sshd is not None:
        try:
            os.kill(sshd.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        deadline = time.monotonic() + 0.3
        while time.monotonic() < deadline:
            try:
                pid, _ = os.waitpid(sshd.pid, os.WNOHANG)
            except ChildProcessError:
                break
            if pid:
                break
            time.sleep(0.02)
    sys.stdout.flush()
    sys.stderr.flush()
    # the kernel ends every other process of the container's PID namespace when PID 1 exits
    os._exit(code)


def reap(sshd):
    """Reaps every exited child; returns whether sshd was one of them."""
    sshd_exited = False
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return sshd_exited
        if pid == 0:
            return sshd_exited
        if sshd is not None and pid == sshd.pid:
            log("sshd exited (" + str(os.waitstatus_to_exitcode(status)) + ")")
            sshd_exited = True


def main():
    with open(LIB + "/serve.json") as f:
        conf = json.load(f)
    sshd = start_sshd() if conf["sshPorts"] else None
    servers = []
    try:
        for port in conf["httpPorts"]:
            text = "antidote stand-in of image " + conf["source"] + " (" + conf["image"] + "), port " + str(port) + "\n"
            servers.append(Http(("0.0.0.0", int(port)), http_handler(text)))
        for port in conf["tcpPorts"]:
            servers.append(Tcp(("0.0.0.0", int(port)), Hold))
    except OSError as e:
        log("cannot listen on port " + str(port) + ": " + e.strerror)
        stop(sshd, 1)
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    log(conf["image"] + " up: ssh " + str(conf["sshPorts"]) + ", http " + str(conf["httpPorts"]) + ", tcp "
        + str(conf["tcpPorts"]))
    while True:
        sig = signal.sigwait(SIGNALS)
        if sig == signal.SIGCHLD:
            if reap(sshd):
                stop(None, 1)
        else:
            stop(sshd, 0)


if __name__ == "__main__":
    main()
