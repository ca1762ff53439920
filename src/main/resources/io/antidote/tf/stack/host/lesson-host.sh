#!/bin/bash
# antidote lesson host script: runs one livelesson's endpoints as containers on this machine's Docker engine.
# The same bytes run on every target (an AWS lesson host after its prologue, the docker target on any machine).
#
#   lesson-host.sh up              isolation, networks, /antidote, endpoints (idempotent: also what a reboot runs)
#   lesson-host.sh configure N     stage N's configuration of every configured endpoint
#   lesson-host.sh down            removes everything of the livelesson (idempotent)
#
# The livelesson's plan (assignments of quoted words, data only) is read from $ANTIDOTE_LESSON_PLAN, else from
# plan.sh beside this script. Run from a file, or as  bash -c 'eval "$ANTIDOTE_LESSON_HOST"' lesson-host ACTION...
# with this script's text in ANTIDOTE_LESSON_HOST. Every step is logged to stderr and to the livelesson's host.log.
set -euo pipefail
umask 022
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

say() { printf '%s lesson-host %s: %s\n' "$(date -u +%H:%M:%S)" "${LL_UULLID:-?}" "$*" >&2; }
die() { printf 'lesson-host %s: %s\n' "${LL_UULLID:-?}" "$*" >&2; exit 1; }
# the last line of a command's error output that says something (not docker's usage hints), for one-line messages
last_line() { printf '%s' "$1" | sed -e '/^[[:space:]]*$/d' -e "/^See 'docker/d" -e "/^Run 'docker/d" | tail -n 1; }

load_plan() {
  if [[ -n ${ANTIDOTE_LESSON_PLAN:-} ]]; then
    eval "$ANTIDOTE_LESSON_PLAN"
  else
    local here
    here=$(dirname "${BASH_SOURCE[0]}")
    [[ -f $here/plan.sh ]] || die "no plan: neither ANTIDOTE_LESSON_PLAN nor $here/plan.sh"
    # shellcheck source=/dev/null
    source "$here/plan.sh"
  fi
  [[ ${LL_FORMAT:-} == 1 ]] || die "plan format '${LL_FORMAT:-}' is not 1: the plan and this script do not belong together"
}

as_root() {
  [[ $(id -u) == 0 ]] && return 0
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    if [[ -n ${ANTIDOTE_LESSON_HOST:-} ]]; then
      # shellcheck disable=SC2016
      exec sudo -n --preserve-env=ANTIDOTE_LESSON_PLAN,ANTIDOTE_LESSON_HOST bash -c 'eval "$ANTIDOTE_LESSON_HOST"' \
        lesson-host "$@"
    fi
    exec sudo -n --preserve-env=ANTIDOTE_LESSON_PLAN bash "${BASH_SOURCE[0]}" "$@"
  fi
  die "must run as root (it creates bridges, veths and iptables rules): run as root or allow passwordless sudo"
}

need_tools() {
  local t
  for t in docker ip iptables nsenter; do
    command -v "$t" >/dev/null || die "$t is not installed on this host"
  done
}

# The engine answers; RUNTIMES holds the runtimes registered with it (JSON).
docker_up() {
  RUNTIMES=$(docker info --format '{{json .Runtimes}}' 2>&1) \
    || die "the Docker engine is not reachable (is dockerd running?): $(last_line "$RUNTIMES")"
}

labels() {
  local l
  for l in "${LL_LABELS[@]}"; do printf '%s\0' --label "$l"; done
}

# ---- isolation: in place before any container of the livelesson can send a packet ------------------------------
# One chain per livelesson, entered from DOCKER-USER (forwarded traffic) and INPUT (traffic to this host) for
# packets coming from its bridges. Bridged traffic passes iptables too (Docker loads br_netfilter), and Docker's
# FORWARD policy is DROP, so the connection bridges are accepted here explicitly.
isolate() {
  iptables -w -n -L DOCKER-USER >/dev/null 2>&1 || iptables -w -N DOCKER-USER
  iptables -w -C FORWARD -j DOCKER-USER 2>/dev/null || iptables -w -I FORWARD -j DOCKER-USER
  local br last=DROP
  [[ $LL_ALLOW_EGRESS == 1 ]] && last=RETURN
  {
    # declaring the chain creates it, or empties it when it exists (a second `up`)
    printf '*filter\n:%s - [0:0]\n' "$LL_CHAIN"
    for br in ${CONN_BRIDGE[@]+"${CONN_BRIDGE[@]}"}; do
      printf -- '-A %s -i %s -o %s -j ACCEPT\n' "$LL_CHAIN" "$br" "$br"
    done
    printf -- '-A %s -i %s -o %s -j ACCEPT\n' "$LL_CHAIN" "$LL_BRIDGE" "$LL_BRIDGE"
    printf -- '-A %s -d 169.254.169.254/32 -j DROP\n' "$LL_CHAIN"
    printf -- '-A %s -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT\n' "$LL_CHAIN"
    printf -- '-A %s -p udp -m udp --dport 53 -j ACCEPT\n-A %s -p tcp -m tcp --dport 53 -j ACCEPT\n' "$LL_CHAIN" "$LL_CHAIN"
    printf -- '-A %s -j %s\nCOMMIT\n' "$LL_CHAIN" "$last"
  } | iptables-restore -w --noflush
  for br in "$LL_BRIDGE" ${CONN_BRIDGE[@]+"${CONN_BRIDGE[@]}"}; do
    iptables -w -C DOCKER-USER -i "$br" -j "$LL_CHAIN" 2>/dev/null || iptables -w -I DOCKER-USER -i "$br" -j "$LL_CHAIN"
  done
  iptables -w -C INPUT -i "$LL_BRIDGE" -j "$LL_CHAIN" 2>/dev/null || iptables -w -I INPUT -i "$LL_BRIDGE" -j "$LL_CHAIN"
}

unisolate() {
  local br
  for br in "$LL_BRIDGE" ${CONN_BRIDGE[@]+"${CONN_BRIDGE[@]}"}; do
    while iptables -w -D DOCKER-USER -i "$br" -j "$LL_CHAIN" 2>/dev/null; do :; done
  done
  while iptables -w -D INPUT -i "$LL_BRIDGE" -j "$LL_CHAIN" 2>/dev/null; do :; done
  if iptables -w -n -L "$LL_CHAIN" >/dev/null 2>&1; then
    iptables -w -F "$LL_CHAIN"
    iptables -w -X "$LL_CHAIN"
  fi
}

# ---- networks -----------------------------------------------------------------------------------------------------
networks() {
  local err args=()
  mapfile -d '' args < <(labels)
  if ! err=$(docker network create --driver bridge -o "com.docker.network.bridge.name=$LL_BRIDGE" "${args[@]}" \
    "$LL_NETWORK" 2>&1 >/dev/null); then
    [[ $err == *"already exists"* ]] || die "network $LL_NETWORK: $(last_line "$err")"
  fi
  local br
  for br in ${CONN_BRIDGE[@]+"${CONN_BRIDGE[@]}"}; do
    ip link show "$br" >/dev/null 2>&1 || ip link add name "$br" type bridge
    ip link set "$br" up
  done
}

# ---- /antidote: the lesson's files, a private writable copy per livelesson owned by the lesson user (uid 1000) ----
antidote_copy() {
  local dst=$LL_STATE_DIR/antidote
  [[ -d $dst ]] && return 0
  [[ -d $LL_LESSON_SRC ]] || die "lesson directory $LL_LESSON_SRC does not exist on this host"
  rm -rf "$dst.tmp"
  mkdir -p "$dst.tmp"
  cp -R -P --preserve=mode,timestamps "$LL_LESSON_SRC/." "$dst.tmp/"
  chown -R 1000:1000 "$dst.tmp"
  chmod 0755 "$dst.tmp"
  mv "$dst.tmp" "$dst"
}

# ---- images -------------------------------------------------------------------------------------------------------
# The network-namespace holder of every endpoint: the host's own sleep and the libraries it needs, nothing else.
net_holder_image() {
  docker image inspect "$LL_NET_HOLDER_IMAGE" >/dev/null 2>&1 && return 0
  local dir sleep_bin lib
  dir=$(mktemp -d)
  sleep_bin=$(command -v sleep)
  mkdir -p "$dir/bin"
  cp -L "$sleep_bin" "$dir/bin/sleep"
  for lib in $(ldd "$sleep_bin" | grep -o '/[^ ]*'); do
    cp -L --parents "$lib" "$dir"
  done
  tar -C "$dir" -c . | docker import -c 'ENTRYPOINT ["/bin/sleep"]' -c 'CMD ["infinity"]' - "$LL_NET_HOLDER_IMAGE" >/dev/null
  rm -rf "$dir"
}

# Every endpoint's image present (pulled when absent or when alwaysPull), before anything starts.
endpoint_images() {
  local i err
  for i in "${!EP_NAME[@]}"; do
    if [[ $LL_ALWAYS_PULL == 1 ]] || ! docker image inspect "${EP_IMAGE[i]}" >/dev/null 2>&1; then
      err=$(docker pull -q "${EP_IMAGE[i]}" 2>&1 >/dev/null) \
        || die "endpoint ${EP_NAME[i]}: image ${EP_IMAGE[i]} is not on this host and could not be pulled: $(last_line "$err")"
    fi
  done
}

# The closest to --privileged this engine runs, in PRIVILEGED: --privileged itself or, where the engine's own
# capability bounding set lacks some (some sandboxes), every capability it has, seccomp and AppArmor unconfined, and
# /dev/kvm for VM-based images. Said once.
privileged_options() {
  PRIVILEGED=(--privileged)
  docker run --rm --network none --privileged --entrypoint /bin/sleep "$LL_NET_HOLDER_IMAGE" 0 >/dev/null 2>&1 && return 0
  local caps=(CHOWN DAC_OVERRIDE DAC_READ_SEARCH FOWNER FSETID KILL SETGID SETUID SETPCAP LINUX_IMMUTABLE
    NET_BIND_SERVICE NET_BROADCAST NET_ADMIN NET_RAW IPC_LOCK IPC_OWNER SYS_MODULE SYS_RAWIO SYS_CHROOT SYS_PTRACE
    SYS_PACCT SYS_ADMIN SYS_BOOT SYS_NICE SYS_RESOURCE SYS_TIME SYS_TTY_CONFIG MKNOD LEASE AUDIT_WRITE AUDIT_CONTROL
    SETFCAP MAC_OVERRIDE MAC_ADMIN SYSLOG WAKE_ALARM BLOCK_SUSPEND AUDIT_READ PERFMON BPF CHECKPOINT_RESTORE)
  local bound bit
  bound=$(awk '/^CapBnd:/ {print $2}' /proc/self/status)
  PRIVILEGED=(--cap-add ALL)
  for bit in "${!caps[@]}"; do
    (( (16#$bound >> bit) & 1 )) || PRIVILEGED+=(--cap-drop "${caps[bit]}")
  done
  PRIVILEGED+=(--security-opt seccomp=unconfined --security-opt apparmor=unconfined)
  [[ -e /dev/kvm ]] && PRIVILEGED+=(--device /dev/kvm)
  say "this Docker engine cannot run privileged containers: trusted endpoints run with ${PRIVILEGED[*]}"
}

# ---- endpoints ----------------------------------------------------------------------------------------------------
# docker run -d NAME ARGS...: a new container, or the existing one of that name started again (the reboot path).
run_or_start() {
  local what=$1 name=$2 err
  shift 2
  if ! err=$(docker run -d --name "$name" "$@" 2>&1 >/dev/null); then
    if [[ $err == *"is already in use"* ]]; then
      err=$(docker start "$name" 2>&1 >/dev/null) || die "$what: $(last_line "$err")"
    else
      die "$what: $(last_line "$err")"
    fi
  fi
}

# Endpoint i's network namespace, held by its own small container: name, alias, DNS, forwarding, published ports.
start_net_holder() {
  local i=$1 p args=()
  mapfile -d '' args < <(labels)
  args+=(--label "antidoteEndpoint=${EP_NAME[i]}" --hostname "${EP_NAME[i]}" --restart no
    --network "$LL_NETWORK" --network-alias "${EP_NAME[i]}")
  [[ -n $LL_DNS_SEARCH ]] && args+=(--dns-search "$LL_DNS_SEARCH")
  if [[ ${EP_FORWARD[i]} == 1 ]]; then
    args+=(--sysctl net.ipv4.ip_forward=1 --sysctl net.ipv6.conf.all.forwarding=1)
  fi
  for p in ${EP_PORTS[i]}; do
    args+=(-p "${EP_ADDR[i]}:$p:$p")
  done
  run_or_start "endpoint ${EP_NAME[i]}: its network could not start" "${EP_NET[i]}" "${args[@]}" "$LL_NET_HOLDER_IMAGE"
}

# Every connection interface, inside its endpoint's namespace before the endpoint's process starts (VM-based images
# map their NICs at boot; a sandboxed runtime sees only the links present when it starts).
links() {
  local l i pid err
  for l in ${LINK_EP[@]+"${!LINK_EP[@]}"}; do
    i=${LINK_EP[l]}
    pid=$(docker inspect -f '{{.State.Pid}}' "${EP_NET[i]}")
    [[ $pid =~ ^[1-9][0-9]*$ ]] || die "endpoint ${EP_NAME[i]}: its network holder is not running"
    if nsenter -t "$pid" -n ip link show "${LINK_IF[l]}" >/dev/null 2>&1; then
      continue
    fi
    ip link del "${LINK_VETH[l]}" 2>/dev/null || true
    err=$( {
      ip link add "${LINK_VETH[l]}" type veth peer name "${LINK_PEER[l]}" &&
        ip link set "${LINK_VETH[l]}" master "${CONN_BRIDGE[${LINK_CONN[l]}]}" up &&
        ip link set "${LINK_PEER[l]}" netns "$pid" &&
        nsenter -t "$pid" -n ip link set "${LINK_PEER[l]}" name "${LINK_IF[l]}" &&
        nsenter -t "$pid" -n ip addr add "${LINK_ADDR[l]}" dev "${LINK_IF[l]}" &&
        nsenter -t "$pid" -n ip link set "${LINK_IF[l]}" up
    } 2>&1) || die "endpoint ${EP_NAME[i]}: interface ${LINK_IF[l]}: $(last_line "$err")"
  done
}

start_endpoint() {
  local i=$1 args=()
  mapfile -d '' args < <(labels)
  args+=(--label "antidoteEndpoint=${EP_NAME[i]}" --restart no
    --network "container:${EP_NET[i]}" -v "$LL_STATE_DIR/antidote:/antidote")
  case ${EP_FLAVOR[i]} in
    trusted) args+=("${PRIVILEGED[@]}") ;;
    untrusted)
      if [[ $RUNSC == 1 ]]; then args+=(--runtime runsc); fi
      args+=(--cap-add NET_ADMIN) ;;
    legacy) args+=(--cap-add NET_ADMIN) ;;
    *) die "endpoint ${EP_NAME[i]}: unknown flavor ${EP_FLAVOR[i]}" ;;
  esac
  run_or_start "endpoint ${EP_NAME[i]}: its container could not start" "${EP_CONTAINER[i]}" "${args[@]}" "${EP_IMAGE[i]}"
}

# An endpoint whose container stopped right after starting is a failure, with its exit code and last log lines.
endpoints_running() {
  local i state
  sleep 1
  for i in "${!EP_NAME[@]}"; do
    state=$(docker inspect -f '{{.State.Running}} {{.State.ExitCode}}' "${EP_CONTAINER[i]}" 2>/dev/null || echo "missing -")
    if [[ $state != true* ]]; then
      say "endpoint ${EP_NAME[i]}: last lines of its log:"
      docker logs --tail 20 "${EP_CONTAINER[i]}" 2>&1 | sed 's/^/  | /' >&2 || true
      die "endpoint ${EP_NAME[i]}: its container exited at once (exit code ${state#* })"
    fi
  done
}

# After a reboot the host's service manager runs `up` again: isolation first, then the containers (--restart no).
persist() {
  [[ -d /run/systemd/system ]] || return 0
  local unit=/etc/systemd/system/antidote-lesson-${LL_BRIDGE}.service
  [[ -f $unit ]] && return 0
  printf '%s\n' "[Unit]" "Description=antidote livelesson $LL_UULLID" "After=docker.service" "Requires=docker.service" \
    "" "[Service]" "Type=oneshot" "ExecStart=/bin/bash $LL_STATE_DIR/lesson-host.sh up" "" \
    "[Install]" "WantedBy=multi-user.target" >"$unit"
  if ! { systemctl daemon-reload && systemctl enable "${unit##*/}" >/dev/null 2>&1; }; then
    say "could not enable ${unit##*/}: after a reboot, run $LL_STATE_DIR/lesson-host.sh up"
  fi
}

# The script and its plan beside the livelesson's files: what `configure` and a reboot run.
keep_copy() {
  mkdir -p "$LL_STATE_DIR"
  chmod 0700 "$LL_STATE_DIR"
  if [[ -n ${ANTIDOTE_LESSON_PLAN:-} ]]; then
    printf '%s\n' "$ANTIDOTE_LESSON_PLAN" >"$LL_STATE_DIR/plan.sh.tmp" && mv "$LL_STATE_DIR/plan.sh.tmp" "$LL_STATE_DIR/plan.sh"
  fi
  if [[ -n ${ANTIDOTE_LESSON_HOST:-} ]]; then
    printf '%s' "$ANTIDOTE_LESSON_HOST" >"$LL_STATE_DIR/lesson-host.sh"
  elif [[ $(realpath "${BASH_SOURCE[0]}") != $(realpath -m "$LL_STATE_DIR/lesson-host.sh") ]]; then
    cp "${BASH_SOURCE[0]}" "$LL_STATE_DIR/lesson-host.sh"
  fi
}

up() {
  need_tools
  docker_up
  keep_copy
  exec 2> >(tee -a "$LL_STATE_DIR/host.log" >&2)
  say "up: ${#EP_NAME[@]} endpoint(s), ${#CONN_BRIDGE[@]} connection(s)"
  net_holder_image
  endpoint_images
  RUNSC=0
  if [[ " ${EP_FLAVOR[*]} " == *" untrusted "* ]]; then
    if [[ $RUNTIMES == *'"runsc"'* ]]; then RUNSC=1; else say "gVisor (runsc) is not registered with Docker: untrusted endpoints run with NET_ADMIN only"; fi
  fi
  [[ " ${EP_FLAVOR[*]} " == *" trusted "* ]] && privileged_options
  isolate
  networks
  antidote_copy
  local i
  for i in "${!EP_NAME[@]}"; do start_net_holder "$i"; done
  links
  for i in "${!EP_NAME[@]}"; do start_endpoint "$i"; done
  endpoints_running
  persist
  say "up: done"
}

# ---- configuration ------------------------------------------------------------------------------------------------
configure_endpoint() {
  local i=$1 stage=$2 file cmd password attempt
  file=/antidote/stage$stage/configs/${EP_CONFIG_FILE[i]}
  [[ -f $LL_STATE_DIR/antidote/stage$stage/configs/${EP_CONFIG_FILE[i]} ]] \
    || { say "endpoint ${EP_NAME[i]}: $file does not exist"; return 1; }
  [[ -r $LL_SECRETS_DIR/${EP_IMAGE_SLUG[i]}/configPassword ]] \
    || { say "endpoint ${EP_NAME[i]}: no configuration password for image ${EP_IMAGE_SLUG[i]} on this host"; return 1; }
  password=$(<"$LL_SECRETS_DIR/${EP_IMAGE_SLUG[i]}/configPassword")
  case ${EP_CONFIG[i]} in
    python) cmd=(python "$file") ;;
    ansible) cmd=(ansible-playbook -vvvv -i "${EP_NAME[i]}," "$file") ;;
    napalm) cmd=(/configure.py "${EP_CONFIG_USER[i]}" "$password" "${EP_NAPALM_DRIVER[i]}" 22 "${EP_NAME[i]}" "$file") ;;
    *) say "endpoint ${EP_NAME[i]}: unknown configuration type ${EP_CONFIG[i]}"; return 1 ;;
  esac
  local args=()
  mapfile -d '' args < <(labels)
  for attempt in 1 2 3; do
    if ANTIDOTE_TARGET_PASSWORD=$password docker run --rm "${args[@]}" --label antidoteConfiguration="${EP_NAME[i]}" \
        --network "$LL_NETWORK" -v "$LL_STATE_DIR/antidote:/antidote" -e "ANTIDOTE_TARGET_HOST=${EP_NAME[i]}" \
        -e "ANTIDOTE_TARGET_USERNAME=${EP_CONFIG_USER[i]}" -e ANTIDOTE_TARGET_PASSWORD -e ANSIBLE_HOST_KEY_CHECKING=False \
        "$LL_CONFIGURATOR" "${cmd[@]}"; then
      say "endpoint ${EP_NAME[i]}: stage $stage configured"
      return 0
    fi
    say "endpoint ${EP_NAME[i]}: configuration failed (attempt $attempt of 3)"
    [[ $attempt == 3 ]] || sleep 2
  done
  return 1
}

configure() {
  local stage=${1:-}
  [[ $stage =~ ^(0|[1-9][0-9]{0,2})$ ]] || die "configure needs a stage number, got '$stage'"
  need_tools
  docker_up
  mkdir -p "$LL_STATE_DIR/configure"
  exec 2> >(tee -a "$LL_STATE_DIR/host.log" >&2)
  say "configure: stage $stage"
  local i pids=() who=() failed=()
  for i in "${!EP_NAME[@]}"; do
    [[ -n ${EP_CONFIG[i]} ]] || continue
    configure_endpoint "$i" "$stage" >"$LL_STATE_DIR/configure/stage$stage-${EP_NAME[i]}.log" 2>&1 &
    pids+=($!)
    who+=("$i")
  done
  local k
  for k in ${pids[@]+"${!pids[@]}"}; do
    i=${who[k]}
    if ! wait "${pids[k]}"; then failed+=("${EP_NAME[i]}"); fi
    sed "s/^/${EP_NAME[i]} | /" "$LL_STATE_DIR/configure/stage$stage-${EP_NAME[i]}.log" >&2
  done
  ((${#failed[@]} == 0)) || die "configure: stage $stage failed for endpoint(s) ${failed[*]}"
  say "configure: stage $stage done"
}

# ---- teardown -----------------------------------------------------------------------------------------------------
down() {
  need_tools
  docker_up
  say "down"
  local filter=() l ids
  for l in "${LL_LABELS[@]}"; do
    case $l in antidoteId=* | liveLesson=*) filter+=(--filter "label=$l") ;; esac
  done
  ids=$(docker ps -aq "${filter[@]}")
  if [[ -n $ids ]]; then
    # shellcheck disable=SC2086
    docker rm -f $ids >/dev/null
  fi
  if docker network inspect "$LL_NETWORK" >/dev/null 2>&1; then docker network rm "$LL_NETWORK" >/dev/null; fi
  local br v
  for v in ${LINK_VETH[@]+"${LINK_VETH[@]}"}; do ip link del "$v" 2>/dev/null || true; done
  for br in ${CONN_BRIDGE[@]+"${CONN_BRIDGE[@]}"}; do ip link del "$br" 2>/dev/null || true; done
  unisolate
  local unit=/etc/systemd/system/antidote-lesson-${LL_BRIDGE}.service
  if [[ -f $unit ]]; then
    systemctl disable "${unit##*/}" >/dev/null 2>&1 || true
    rm -f "$unit"
    systemctl daemon-reload 2>/dev/null || true
  fi
  rm -rf "$LL_STATE_DIR"
  say "down: done"
}

main() {
  as_root "$@"
  load_plan
  case ${1:-} in
    up) up ;;
    configure) configure "${2:-}" ;;
    down) down ;;
    *) die "usage: lesson-host.sh up | configure STAGE | down" ;;
  esac
}

main "$@"
