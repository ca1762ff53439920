#!/usr/bin/python3
"""Build step of an endpoint stand-in (docs/standin-images.md).

Reads users.json (written by antidote-tf from the curriculum: the logins, and the SSH ports), creates the logins with
their passwords and uids, writes sshd's configuration, then deletes users.json. Curriculum
strings are data here: user names go to useradd/usermod as single arguments, passwords are hashed with crypt and
never reach a command line or a shell.
"""
import json
import os
import pwd
import re
import subprocess
import sys
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import crypt

LIB = "/usr/local/lib/antidote-standin"
SSHD_CONFIG = LIB + "/sshd_config"
LOGIN = re.compile(r"[a-z_][a-z0-9_-]{0,31}")


def fail(message):
    sys.stderr.write("standin-setup: " + message + "\n")
    sys.exit(1)


def run(*argv):
    result = subprocess.run(list(argv), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        fail(argv[0] + " exited " + str(result.returncode) + ": " + result.stdout.strip())


def add_user(user):
    name, uid = user["name"], int(user["uid"])
    if not LOGIN.fullmatch(name):
        fail("not a login name: " + json.dumps(name))
    if "\0" in user["password"]:
        fail("the password of " + name + " holds a NUL byte")
    hashed = crypt.crypt(user["password"], crypt.mksalt(crypt.METHOD_SHA512))
    if name == "root":
        run("usermod", "--password", hashed, "--shell", "/bin/bash", "--", "root")
        return
    try:
        existing = pwd.getpwnam(name)
        fail("user " + name + " is already in the base system (uid " + str(existing.pw_uid) + ")")
    except KeyError:
        pass
    run("useradd", "--create-home", "--user-group", "--uid", str(uid), "--shell", "/bin/bash",
        "--password", hashed, "--", name)


def sshd_config(spec):
    lines = ["# written by standin-setup.py from users.json", "AddressFamily inet"]
    lines += ["Port " + str(int(port)) for port in spec["sshPorts"]]
    lines += [
        "HostKey /etc/ssh/ssh_host_ed25519_key",
        "HostKey /etc/ssh/ssh_host_ecdsa_key",
        "HostKey /etc/ssh/ssh_host_rsa_key",
        "PermitRootLogin " + ("yes" if spec["permitRootLogin"] else "no"),
        "PasswordAuthentication yes",
        "KbdInteractiveAuthentication no",
        "PermitEmptyPasswords no",
        "UsePAM no",
        "PrintMotd no",
        "PidFile /run/standin/sshd.pid",
        "AcceptEnv LANG LC_*",
        "Subsystem sftp /usr/lib/openssh/sftp-server",
    ]
    with open(SSHD_CONFIG, "w") as out:
        out.write("\n".join(lines) + "\n")


def main(path):
    with open(path) as f:
        spec = json.load(f)
    for user in spec["users"]:
        add_user(user)
    if spec["sshPorts"]:
        sshd_config(spec)
        os.makedirs("/run/sshd", mode=0o755, exist_ok=True)
        run("/usr/sbin/sshd", "-t", "-f", SSHD_CONFIG)
    os.remove(path)


if __name__ == "__main__":
    main(sys.argv[1])
