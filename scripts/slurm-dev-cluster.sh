#!/usr/bin/env bash
# A one-node SLURM cluster on this machine, from Debian's packages, for trying and testing the
# SLURM backend: munged, slurmctld and slurmd on localhost, no systemd, no cgroups, no accounting.
#
#   scripts/slurm-dev-cluster.sh start    install what is missing, start the daemons, wait for idle
#   scripts/slurm-dev-cluster.sh stop     cancel the cluster's jobs, stop the daemons it started
#   scripts/slurm-dev-cluster.sh status   say what runs (exit 0 when the cluster is up, 3 if not)
#   scripts/slurm-dev-cluster.sh env      print the export line clients need (SLURM_CONF)
#
# Everything lives under $SLURM_DEV_DIR (default /var/lib/gmat-sweep-slurm): slurm.conf, the
# munge socket, state, spool, logs and the pid files by which `stop` ends only these daemons.
# Clients find the configuration through SLURM_CONF=$SLURM_DEV_DIR/etc/slurm.conf; when this
# machine has no /etc/slurm/slurm.conf, `start` also links it there so plain `sbatch` works.
# `start` is idempotent: daemons already running from this directory are left alone.
set -euo pipefail

DIR="${SLURM_DEV_DIR:-/var/lib/gmat-sweep-slurm}"
CONF="$DIR/etc/slurm.conf"
RUN="$DIR/run"
LOG="$DIR/log"
MUNGE_DIR="$DIR/munge"
MUNGE_SOCKET="$MUNGE_DIR/munge.socket"
MUNGE_PID="$MUNGE_DIR/munged.pid"
CTLD_PID="$RUN/slurmctld.pid"
SLURMD_PID="$RUN/slurmd.pid"
NODE=localhost
PARTITION="${SLURM_DEV_PARTITION:-dev}"
export SLURM_CONF="$CONF"

say() { printf 'slurm-dev-cluster: %s\n' "$*"; }
die() {
  printf 'slurm-dev-cluster: error: %s\n' "$*" >&2
  exit 1
}

# Whether the process in a pid file is alive: present in /proc, not a zombie, and running the
# expected program (pid files can outlive their process, and pids are reused).
alive() {
  local pidfile="$1" comm="$2" pid state name
  [ -s "$pidfile" ] || return 1
  # The daemon may remove its pid file while it exits.
  pid="$(tr -dc '0-9' 2>/dev/null <"$pidfile")" || return 1
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 1
  # /proc/PID/stat: "pid (comm) state ..."; comm may hold spaces, so cut at the last ')'.
  state="$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$pid/stat" 2>/dev/null)" || return 1
  name="$(cat "/proc/$pid/comm" 2>/dev/null)" || return 1
  [ "$state" != Z ] && [ "$state" != X ] && [ "$name" = "$comm" ]
}

pid_of() { tr -dc '0-9' 2>/dev/null <"$1" || echo '?'; }

# Wait until a command succeeds, up to $1 seconds.
wait_for() {
  local seconds="$1" what="$2"
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then return 1; fi
    sleep 0.2
  done
  say "$what"
}

install_packages() {
  local missing=()
  for bin in slurmctld slurmd sbatch munged; do
    command -v "$bin" >/dev/null 2>&1 || [ -x "/usr/sbin/$bin" ] || missing+=("$bin")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "missing ${missing[*]}; run as root to install slurmctld slurmd slurm-client munge"
  say "installing slurmctld slurmd slurm-client munge with apt-get (missing: ${missing[*]})"
  # Keep the packages' init scripts from starting daemons during the install: they would clash
  # with the ones started here. An existing policy-rc.d is left as it is.
  local policy=/usr/sbin/policy-rc.d own_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    own_policy=1
  fi
  local rc=0
  {
    apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        slurmctld slurmd slurm-client munge
  } >"${TMPDIR:-/tmp}/slurm-dev-cluster-apt.log" 2>&1 || rc=$?
  if [ "$own_policy" = 1 ]; then rm -f "$policy"; fi
  if [ "$rc" != 0 ]; then
    tail -20 "${TMPDIR:-/tmp}/slurm-dev-cluster-apt.log" >&2
    die "apt-get install failed (exit $rc)"
  fi
  say "installed: $(sbatch --version 2>/dev/null || echo slurm), $(munged --version 2>&1 | head -1)"
}

write_config() {
  mkdir -p "$DIR/etc" "$RUN" "$LOG" "$DIR/state" "$DIR/spool"
  chmod 755 "$DIR" "$DIR/etc" "$RUN" "$LOG"
  # The node's hardware as slurmd sees it ("NodeName=<host> CPUs=... RealMemory=..."), renamed.
  local hw cpus mem
  hw="$(/usr/sbin/slurmd -C | head -1 | sed -E 's/^NodeName=[^ ]+ //')"
  cpus="$(sed -E 's/.*CPUs=([0-9]+).*/\1/' <<<"$hw")"
  mem="$(sed -E 's/.*RealMemory=([0-9]+).*/\1/' <<<"$hw")"
  # Without DefMemPerCPU every task would take the node's whole memory (one task at a time).
  local per_cpu=$((mem / (cpus > 0 ? cpus : 1) / 2))
  [ "$per_cpu" -ge 256 ] || per_cpu=256
  cat >"$CONF.new" <<EOF
# Written by scripts/slurm-dev-cluster.sh: a one-node development cluster.
ClusterName=gmatsweepdev
SlurmctldHost=localhost
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$MUNGE_SOCKET
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=$per_cpu
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1
MinJobAge=3600
ReturnToService=2
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$CTLD_PID
SlurmdPidFile=$SLURMD_PID
SlurmctldLogFile=$LOG/slurmctld.log
SlurmdLogFile=$LOG/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
MpiDefault=none
NodeName=$NODE $hw State=UNKNOWN
PartitionName=$PARTITION Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
EOF
  if [ -f "$CONF" ] && cmp -s "$CONF" "$CONF.new"; then
    rm -f "$CONF.new"
  else
    mv "$CONF.new" "$CONF"
    say "wrote $CONF ($cpus CPUs, ${mem} MB, DefMemPerCPU=$per_cpu)"
  fi
  chmod 644 "$CONF"
  # Let plain client commands find it, unless this machine has a configuration of its own.
  if [ ! -e /etc/slurm/slurm.conf ] && [ ! -L /etc/slurm/slurm.conf ]; then
    mkdir -p /etc/slurm
    ln -s "$CONF" /etc/slurm/slurm.conf
    say "linked /etc/slurm/slurm.conf -> $CONF"
  fi
}

start_munge() {
  if alive "$MUNGE_PID" munged; then
    say "munged already running (pid $(pid_of "$MUNGE_PID"))"
    return
  fi
  [ -s /etc/munge/munge.key ] || {
    say "creating a munge key"
    if command -v mungekey >/dev/null 2>&1; then
      runuser -u munge -- mungekey --create
    else
      dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null
      chown munge:munge /etc/munge/munge.key
      chmod 400 /etc/munge/munge.key
    fi
  }
  mkdir -p "$MUNGE_DIR"
  chown munge:munge "$MUNGE_DIR"
  chmod 755 "$MUNGE_DIR"
  rm -f "$MUNGE_SOCKET" "$MUNGE_SOCKET.lock" "$MUNGE_PID"
  runuser -u munge -- /usr/sbin/munged --socket="$MUNGE_SOCKET" --pid-file="$MUNGE_PID" \
    --log-file="$MUNGE_DIR/munged.log" --seed-file="$MUNGE_DIR/munged.seed" </dev/null >/dev/null 2>&1 9>&- ||
    die "munged did not start; see $MUNGE_DIR/munged.log"
  wait_for 10 "munged answers" \
    bash -c "munge -S '$MUNGE_SOCKET' -n | unmunge -S '$MUNGE_SOCKET'" ||
    die "munged does not answer on $MUNGE_SOCKET; see $MUNGE_DIR/munged.log"
}

start_slurmctld() {
  if alive "$CTLD_PID" slurmctld; then
    say "slurmctld already running (pid $(pid_of "$CTLD_PID"))"
  else
    rm -f "$CTLD_PID"
    # The daemons log to files; their standard streams must not hold a caller's pipes open.
    /usr/sbin/slurmctld -i -f "$CONF" </dev/null >/dev/null 2>&1 9>&- || die "slurmctld did not start; see $LOG/slurmctld.log"
  fi
  wait_for 30 "slurmctld answers" bash -c 'scontrol ping | grep -q UP' ||
    die "slurmctld does not answer scontrol ping; see $LOG/slurmctld.log"
}

start_slurmd() {
  if alive "$SLURMD_PID" slurmd; then
    say "slurmd already running (pid $(pid_of "$SLURMD_PID"))"
  else
    rm -f "$SLURMD_PID"
    /usr/sbin/slurmd -N "$NODE" -f "$CONF" </dev/null >/dev/null 2>&1 9>&- || die "slurmd did not start; see $LOG/slurmd.log"
  fi
  wait_for 15 "slurmd started" alive "$SLURMD_PID" slurmd ||
    die "slurmd did not stay up; see $LOG/slurmd.log"
  # %T ends in '*' while the controller has not heard from the node: not ready yet.
  node_ready() { sinfo -h -n "$NODE" -o %T | grep -Eq '^(idle|mixed|allocated)$'; }
  local deadline=$((SECONDS + 30)) resumed=0
  until node_ready >/dev/null 2>&1; do
    local state
    state="$(sinfo -h -n "$NODE" -o %T 2>/dev/null || true)"
    if [ "$resumed" = 0 ] && [ "$SECONDS" -ge $((deadline - 25)) ] &&
      grep -Eq 'down|drain' <<<"$state"; then
      say "node is $state; resuming it"
      scontrol update NodeName="$NODE" State=RESUME >/dev/null 2>&1 || true
      resumed=1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      die "node $NODE is '${state:-unknown}', not idle, after 30 s; see $LOG/slurmd.log"
    fi
    sleep 0.2
  done
  say "slurmd up (pid $(pid_of "$SLURMD_PID")), node $NODE $(sinfo -h -n "$NODE" -o %T)"
}

cmd_start() {
  local t0=$SECONDS
  if [ "$(id -u)" != 0 ]; then
    cmd_status >/dev/null 2>&1 && {
      say "cluster already up"
      return 0
    }
    die "starting the cluster needs root"
  fi
  install_packages
  write_config
  start_munge
  start_slurmctld
  start_slurmd
  say "cluster up in $((SECONDS - t0)) s: partition $PARTITION, node $NODE; clients: export SLURM_CONF=$CONF"
}

stop_daemon() {
  local pidfile="$1" comm="$2"
  if ! alive "$pidfile" "$comm"; then
    say "$comm not running"
    rm -f "$pidfile"
    return
  fi
  local pid
  pid="$(pid_of "$pidfile")"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 15))
  while alive "$pidfile" "$comm"; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      say "$comm (pid $pid) ignored SIGTERM for 15 s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.1
  done
  rm -f "$pidfile"
  say "stopped $comm (pid $pid)"
}

cmd_stop() {
  if alive "$CTLD_PID" slurmctld; then
    local jobs
    jobs="$( (squeue -h -o %A 2>/dev/null || true) | sort -u | tr "\n" " ")"
    if [ -n "${jobs// /}" ]; then
      say "cancelling jobs: $jobs"
      # shellcheck disable=SC2086
      scancel $jobs 2>/dev/null || true
      local deadline=$((SECONDS + 20))
      while [ -n "$(squeue -h -o %A 2>/dev/null)" ] && [ "$SECONDS" -lt "$deadline" ]; do
        sleep 0.2
      done
    fi
  fi
  stop_daemon "$SLURMD_PID" slurmd
  stop_daemon "$CTLD_PID" slurmctld
  stop_daemon "$MUNGE_PID" munged
}

cmd_status() {
  local up=0
  for d in "munged:$MUNGE_PID" "slurmctld:$CTLD_PID" "slurmd:$SLURMD_PID"; do
    local name="${d%%:*}" pidfile="${d#*:}"
    if alive "$pidfile" "$name"; then
      say "$name running (pid $(pid_of "$pidfile"))"
      up=$((up + 1))
    else
      say "$name not running"
    fi
  done
  if [ "$up" = 3 ]; then
    local state
    state="$(sinfo -h -n "$NODE" -o %T 2>/dev/null || echo unknown)"
    say "node $NODE: $state; jobs queued or running: $(squeue -h 2>/dev/null | wc -l)"
    say "clients: export SLURM_CONF=$CONF"
    grep -Eq '^(idle|mixed|allocated)$' <<<"$state" && return 0
  fi
  return 3
}

# One start or stop at a time (test files may start the cluster concurrently).
locked() {
  if [ "$(id -u)" != 0 ]; then
    "$@"
    return
  fi
  mkdir -p "$DIR"
  exec 9>"$DIR/.lock"
  flock -w 300 9 || die "another slurm-dev-cluster.sh holds $DIR/.lock"
  "$@"
}

case "${1:-}" in
  start) locked cmd_start ;;
  stop) locked cmd_stop ;;
  status) cmd_status ;;
  env) echo "export SLURM_CONF=$CONF" ;;
  *)
    echo "usage: $0 start|stop|status|env   (directory: \$SLURM_DEV_DIR, default /var/lib/gmat-sweep-slurm)" >&2
    exit 2
    ;;
esac
