#!/bin/sh
# Kolla's containers on this node, in one go: which engine answers (docker, else podman), the
# node's clock (to date restarts), `ps -a` as JSON lines, ONE `inspect` of every container with a
# template that prints only the state fields (never .Config.Env: Kolla's containers carry their
# passwords in it), and for each container in trouble the last lines of its newest log file under
# /var/log/kolla/<service>/ (Kolla's services log to files there, not to `docker logs`).
# A Go template, not shell: the braces and $o are the engine's ({{- end}}, not the plain form, which a
# playbook's loader would take for a parameter placeholder).
# shellcheck disable=SC2016
fmt='name={{.Name}} status={{.State.Status}} health={{if .State.Health}}{{.State.Health.Status}}{{- else}}none{{- end}} restarts={{.RestartCount}} oom={{.State.OOMKilled}} exit={{.State.ExitCode}} started={{.State.StartedAt}} finished={{.State.FinishedAt}} image={{.Config.Image}}{{if .State.Health}}{{$o := ""}}{{range .State.Health.Log}}{{$o = .Output}}{{- end}} last_check={{json $o}}{{- end}}'
tried=''
engine=''
for eng in docker podman; do
  if ! command -v "$eng" >/dev/null 2>&1; then
    tried="$tried$eng: not installed
"
    continue
  fi
  if ps_out=$("$eng" ps -a --format '{{json .}}' 2>&1); then
    engine=$eng
    break
  fi
  tried="$tried$eng: $(printf '%s\n' "$ps_out" | head -n 1)
"
done
if [ -z "$engine" ]; then
  echo '== none'
  printf '%s' "$tried"
  exit 0
fi
echo "== engine $engine"
echo "== now $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo '== ps'
printf '%s\n' "$ps_out"
echo '== inspect'
ids=$("$engine" ps -aq 2>/dev/null)
insp=''
# One inspect for all of them; word splitting of the ids (hex) is wanted here.
# shellcheck disable=SC2086
[ -z "$ids" ] || insp=$("$engine" inspect --format "$fmt" $ids 2>&1)
[ -z "$insp" ] || printf '%s\n' "$insp"
# The log tail of each container in trouble (not running, unhealthy, OOM-killed or restarted), at most 10.
printf '%s\n' "$insp" | {
  n=0
  while IFS= read -r line; do
    case $line in name=*) ;; *) continue ;; esac
    case $line in
      *' status=running '*'health=unhealthy '* | *' oom=true '*) ;;
      *' status=running '*'restarts=0 '*) continue ;;
    esac
    name=${line#name=}
    name=${name%% *}
    name=${name#/}
    case $name in '' | *[!A-Za-z0-9_.-]*) continue ;; esac
    n=$((n + 1))
    [ "$n" -le 10 ] || break
    base=$(printf '%s' "$name" | tr _ -)
    case $name in
      openvswitch_vswitchd) dirs='openvswitch'; base=ovs-vswitchd ;;
      openvswitch_db) dirs='openvswitch'; base=ovsdb-server ;;
      ovn_*) dirs='openvswitch ovn' ;;
      nova_libvirt) dirs='libvirt nova' ;;
      kolla_toolbox) dirs='ansible' ;;
      rabbitmq) dirs='rabbitmq'; base=rabbit ;;
      *) dirs=${name%%_*} ;;
    esac
    file=''
    for d in $dirs; do
      [ -d "/var/log/kolla/$d" ] || continue
      # Newest file named after the container, else the newest file of its service (-L: the files may be
      # links); ls -t because POSIX find cannot sort by time.
      # shellcheck disable=SC2012
      file=$(ls -tL "/var/log/kolla/$d/$base"* 2>/dev/null | head -n 1)
      # shellcheck disable=SC2012
      [ -n "$file" ] || file=$(ls -tL "/var/log/kolla/$d"/* 2>/dev/null | head -n 1)
      [ -z "$file" ] || break
    done
    if [ -n "$file" ] && [ -f "$file" ]; then
      echo "== log $name $file"
      tail -n 20 "$file" 2>&1
    else
      echo "== log $name (no log file under /var/log/kolla/ for it)"
    fi
  done
}
echo '== end'
