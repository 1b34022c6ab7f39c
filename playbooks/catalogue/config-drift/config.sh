#!/bin/sh
# The settings that must agree across the nodes of a role, read once on this node, one
# `key<TAB>value` line each; the analyzer compares the nodes. Secrets never leave the node:
# passwords, shared secrets, database connections and transport_url's user:password are printed
# as `hash ` + the first 12 hex digits of their sha256 (computed here), transport_url's hosts
# without their userinfo.
#
# Where the files are: the --config-file/--config-dir arguments of this node's running service
# (nova-compute/-conductor/-scheduler/-api, neutron-server, neutron-ovn-metadata-agent), read
# through /proc/PID/root, so a Kolla container's or an openstack-helm pod's own copy is what is
# read; without such a process, Kolla's /etc/kolla/<service>/ and the packages' /etc/nova,
# /etc/neutron. A process is this node's when it shares this shell's network namespace or runs
# in a Kubernetes pod (pods of controllers have their own namespace).
# Then Open vSwitch's external_ids (ovn-remote, ovn-encap-type…), package versions (dpkg or
# rpm on the host, dpkg in a container's root) and Kolla's image tags.
LC_ALL=C
export LC_ALL
tab='	'  # a literal tab

# Candidate service processes: one grep of every command line, one argument a line (-z), printing
# `/proc/PID/cmdline:NAME`. A service is its program or interpreted script (argument 1 or 2:
# python3 /usr/bin/nova-compute), a uwsgi app its ini (nova/uwsgi-api.ini, nova-api-uwsgi.ini):
# whole arguments only, so a shell whose script mentions nova-compute (this one's, an operator's
# `journalctl -u nova-compute` is argument 3) is no candidate.
cands=$(grep -sazHnE '^([^ ]*/)?(nova-(compute|conductor|scheduler|api)|neutron-server|neutron-ovn-metadata-agent)$|^[^ ]*nova[a-z/-]*uwsgi[a-z-]*\.ini$' /proc/[0-9]*/cmdline |
  tr '\0' '\n' | awk -F : '{ a = substr($0, length($1) + length($2) + 3); sub(/.*\//, "", a) }
    a ~ /\.ini$/ { print $1 ":nova-uwsgi"; next }
    $2 <= 2 && a ~ /^(nova|neutron)-/ { print $1 ":" a }' | sort -u)
# This node's among them, as " PID PID ": in this shell's network namespace, or in a Kubernetes
# pod (its own namespace). One ls of their namespace links, one grep of their cgroups.
mine=' '
if [ -n "$cands" ]; then
  nets="/proc/$$/ns/net"
  cgs=''
  for c in $cands; do
    d=${c%%/cmdline:*}
    nets="$nets $d/ns/net"
    cgs="$cgs $d/cgroup"
  done
  # shellcheck disable=SC2012,SC2086  # /proc paths; the lists are meant to split
  mine=$({ ls -l $nets; grep -ls kubepods $cgs; } 2>/dev/null | awk -v me="/proc/$$/ns/net" '
    / -> / { if ($(NF-2) == me) self = $NF; else ns[$(NF-2)] = $NF; next }
    { split($0, p, "/"); keep[p[3]] = 1 }
    END { for (f in ns) if (ns[f] == self) { split(f, p, "/"); keep[p[3]] = 1 } printf " "; for (k in keep) printf "%s ", k }')
fi

# key<TAB>value of the wanted options, later files winning; secrets marked S for hashing below.
# $1: the group (nova, neutron, metadata); the files follow.
settings() {
  group=$1
  shift
  awk -v group="$group" '
    function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
    BEGIN {
      n = split("DEFAULT/transport_url DEFAULT/my_ip DEFAULT/compute_driver DEFAULT/core_plugin DEFAULT/service_plugins " \
        "DEFAULT/cpu_allocation_ratio DEFAULT/ram_allocation_ratio DEFAULT/disk_allocation_ratio DEFAULT/reserved_host_memory_mb " \
        "DEFAULT/nova_metadata_host DEFAULT/metadata_proxy_shared_secret DEFAULT/global_physnet_mtu " \
        "oslo_messaging_rabbit/rabbit_ha_queues oslo_messaging_rabbit/amqp_durable_queues oslo_messaging_rabbit/heartbeat_timeout_threshold " \
        "oslo_messaging_rabbit/heartbeat_rate oslo_messaging_rabbit/rabbit_quorum_queue oslo_messaging_rabbit/rabbit_transient_queues_ttl " \
        "oslo_messaging_rabbit/kombu_failover_strategy oslo_messaging_rabbit/ssl " \
        "placement/region_name placement/password neutron/url neutron/region_name neutron/metadata_proxy_shared_secret neutron/password " \
        "nova/region_name nova/password keystone_authtoken/memcached_servers keystone_authtoken/www_authenticate_uri keystone_authtoken/password " \
        "service_user/send_service_user_token upgrade_levels/compute filter_scheduler/enabled_filters DEFAULT/resume_guests_state_on_host_boot " \
        "oslo_messaging_notifications/driver " \
        "libvirt/virt_type libvirt/cpu_mode libvirt/cpu_models libvirt/cpu_model libvirt/images_type " \
        "database/connection api_database/connection " \
        "ml2/mechanism_drivers ml2/type_drivers ml2/tenant_network_types ml2/extension_drivers " \
        "ovn/ovn_nb_connection ovn/ovn_sb_connection ovn/ovn_metadata_enabled ovn/enable_distributed_floating_ip", w, " ")
      for (i = 1; i <= n; i++) want[w[i]] = 1
      sect = "DEFAULT"
    }
    FNR == 1 { sect = "DEFAULT" }
    /^[ \t]*[#;]/ { next }
    /^[ \t]*\[[^]]+\]/ { s = $0; sub(/^[ \t]*\[/, "", s); sub(/\].*/, "", s); sect = trim(s); next }
    /=/ {
      k = trim(substr($0, 1, index($0, "=") - 1))
      if ((sect "/" k) in want) val[sect "/" k] = trim(substr($0, index($0, "=") + 1))
    }
    END {
      for (key in val) {
        v = val[key]
        if (key == "DEFAULT/transport_url") {
          # scheme://u:p@h1:5672,u:p@h2:5672/vhost?query: hosts and vhost in clear, the userinfo hashed.
          rest = v; scheme = ""
          if (index(rest, "://")) { scheme = substr(rest, 1, index(rest, "://") - 1); rest = substr(rest, index(rest, "://") + 3) }
          hostpart = rest; vhost = ""
          if (match(rest, /\/[^@]*$/)) { hostpart = substr(rest, 1, RSTART - 1); vhost = substr(rest, RSTART + 1) }
          m = split(hostpart, hs, ","); hosts = ""; auth = ""
          for (j = 1; j <= m; j++) {
            h = hs[j]; u = ""
            if (match(h, /.*@/)) { u = substr(h, 1, RLENGTH - 1); h = substr(h, RLENGTH + 1) }
            hosts = hosts (j > 1 ? "," : "") h; auth = auth (j > 1 ? "," : "") u
          }
          print "C\t" group "." key ".scheme\t" scheme
          print "C\t" group "." key ".hosts\t" hosts
          print "C\t" group "." key ".vhost\t" vhost
          print "S\t" group "." key ".credentials\t" auth
        } else if (key ~ /password|secret|connection$/ && key !~ /^ovn\//) print "S\t" group "." key "\t" v
        else print "C\t" group "." key "\t" v
      }
    }' "$@" 2>/dev/null | sort -t "$tab" -k2,2 | while IFS="$tab" read -r kind key value; do
    if [ "$kind" = S ]; then
      printf '%s\thash %s\n' "$key" "$(printf %s "$value" | sha256sum | cut -c1-12)"
    else
      printf '%s\t%s\n' "$key" "$value"
    fi
  done
}

# The config files a process reads, through its root: each --config-file, the *.conf of a
# --config-dir, a uwsgi app's OS_NOVA_CONFIG_DIR/OS_NOVA_CONFIG_FILES; none named: the defaults
# given after the pid. Only the readable ones are printed.
files_of() {
  pid=$1
  shift
  root=/proc/$pid/root
  list=$(tr '\0' '\n' < "/proc/$pid/cmdline" 2>/dev/null | awk -v root="$root" '
    want == "file" { print root $0; want = ""; next }
    want == "dir" { print root $0 "/*.conf"; want = ""; next }
    want == "ini" { print "ini " root $0; want = ""; next }
    $0 == "--config-file" { want = "file"; next }
    $0 == "--config-dir" { want = "dir"; next }
    $0 == "--ini" { want = "ini"; next }
    /^--config-file=/ { print root substr($0, 15); next }
    /^--config-dir=/ { print root substr($0, 14) "/*.conf"; next }')
  case $list in
    "ini "*)
      ini=${list#ini }
      dir=$(sed -n 's/^env *= *OS_NOVA_CONFIG_DIR=//p' "$ini" 2>/dev/null | head -n 1)
      names=$(sed -n 's/^env *= *OS_NOVA_CONFIG_FILES=//p' "$ini" 2>/dev/null | head -n 1)
      list=$(printf '%s\n' "${names:-nova.conf}" | tr ';' '\n' | grep '\.conf$' | sed "s|^|$root${dir:-/etc/nova}/|")
      ;;
  esac
  if [ -z "$list" ]; then
    for f in "$@"; do list="$list
$root$f"; done
  fi
  # shellcheck disable=SC2086  # a --config-dir's glob is meant
  for f in $list; do [ -r "$f" ] && printf '%s\n' "$f"; done
}

nova=''
compute=''
neutron=''
metadata=''
for c in $cands; do
  pid=${c#/proc/}
  pid=${pid%%/*}
  case $mine in *" $pid "*) ;; *) continue ;; esac
  case ${c#*/cmdline:} in
    # nova-compute first: on a node with more than one Nova service, the compute's view.
    nova-compute) [ -n "$compute" ] || nova=$pid compute=1 ;;
    nova*) nova=${nova:-$pid} ;;
    neutron-server) neutron=${neutron:-$pid} ;;
    neutron-ovn-metadata-agent) metadata=${metadata:-$pid} ;;
  esac
done

# One group: its files from the process, else the first fallback path that is a service's own
# config (it sets $4: the distribution's untouched sample sets nothing), with the files beside it.
# $1 name, $2 pid, $3 the process's default files, $4 what a real config sets, $5 fallbacks.
group() {
  name=$1 pid=$2 defaults=$3 marker=$4 fallbacks=$5
  files=''
  if [ -n "$pid" ]; then
    # shellcheck disable=SC2086
    files=$(files_of "$pid" $defaults)
    # The header names the binary and the files, not the whole command line (it could carry anything).
    bin=$(tr '\0' '\n' < "/proc/$pid/cmdline" 2>/dev/null | grep -m 1 -oE '(nova|neutron)-[a-z-]+|uwsgi')
    [ -n "$files" ] && echo "== $name: pid $pid ${bin:-?} reads $(printf '%s\n' "$files" | sed "s|^/proc/$pid/root||" | tr '\n' ' ')"
  fi
  if [ -z "$files" ]; then
    for f in $fallbacks; do
      if [ -r "$f" ] && grep -qs "^[[:space:]]*${marker}[[:space:]]*=" "$f"; then
        d=${f%/*}
        files=$f
        # What the distributions' units read after it (Ubuntu's nova-compute.conf), or before it.
        for extra in "$d/neutron.conf" "$d/ml2_conf.ini" "$d/plugins/ml2/ml2_conf.ini"; do
          [ "$extra" != "$f" ] && [ -r "$extra" ] && files="$extra $files"
        done
        [ "$name" = nova ] && [ -r "$d/nova-compute.conf" ] && files="$files $d/nova-compute.conf"
        echo "== $name: file $files"
        break
      fi
    done
  fi
  if [ -z "$files" ]; then
    echo "== $name: none"
    return
  fi
  # shellcheck disable=SC2086
  settings "$name" $files
}

group nova "$nova" /etc/nova/nova.conf transport_url \
  "/etc/kolla/nova-compute/nova.conf /etc/kolla/nova-conductor/nova.conf /etc/kolla/nova-scheduler/nova.conf /etc/kolla/nova-api/nova.conf /etc/nova/nova.conf"
group neutron "$neutron" "/etc/neutron/neutron.conf /etc/neutron/plugins/ml2/ml2_conf.ini" transport_url \
  "/etc/kolla/neutron-server/neutron.conf /etc/neutron/neutron.conf"
group metadata "$metadata" "/etc/neutron/neutron.conf /etc/neutron/neutron_ovn_metadata_agent.ini" ovn_sb_connection \
  "/etc/kolla/neutron-ovn-metadata-agent/neutron_ovn_metadata_agent.ini /etc/neutron/neutron_ovn_metadata_agent.ini"

# Open vSwitch: this node's external_ids (the host's ovs-vsctl, else the one in ovsdb-server's
# root), the map split on the commas outside quotes (ovn-remote lists several remotes).
vsctl=''
if command -v ovs-vsctl >/dev/null 2>&1; then
  vsctl=ovs-vsctl
else
  self=$(readlink /proc/$$/ns/net 2>/dev/null)
  # shellcheck disable=SC2013  # /proc paths, one word each
  for c in $(grep -al ovsdb-server /proc/[0-9]*/cmdline 2>/dev/null); do
    d=${c%/cmdline}
    if [ "$(readlink "$d/ns/net" 2>/dev/null)" = "$self" ] || grep -qs kubepods "$d/cgroup"; then
      vsctl="chroot $d/root ovs-vsctl"
      break
    fi
  done
fi
# shellcheck disable=SC2086  # $vsctl is a command and its arguments
if [ -n "$vsctl" ] && ids=$($vsctl --timeout=5 get Open_vSwitch . external_ids 2>/dev/null); then
  echo '== ovs: external_ids'
  printf '%s\n' "$ids" | awk '{
    s = $0; sub(/^\{/, "", s); sub(/\}$/, "", s); q = 0; item = ""
    for (i = 1; i <= length(s); i++) {
      c = substr(s, i, 1)
      if (c == "\\" && q) { item = item substr(s, i + 1, 1); i++; continue }
      if (c == "\"") { q = !q; continue }
      if (c == "," && !q) { out(item); item = ""; continue }
      item = item c
    }
    out(item)
  }
  function out(x,   k) {
    sub(/^ +/, "", x); k = substr(x, 1, index(x, "=") - 1)
    if (k ~ /^(ovn-remote|ovn-encap-type|ovn-encap-ip|ovn-bridge-mappings|ovn-cms-options|ovn-remote-probe-interval|ovn-openflow-probe-interval|ovn-monitor-all)$/) print "ovs.external_ids." k "\t" substr(x, index(x, "=") + 1)
  }'
else
  echo '== ovs: none'
fi

# Package versions: the host's, and those inside each service's own root (a container image).
pkgs='nova-common python3-nova neutron-common python3-neutron ovn-common ovn-host ovn-central openvswitch-common openvswitch-switch python3-oslo.messaging libvirt-daemon qemu-system-x86 python3-ovsdbapp'
if command -v dpkg-query >/dev/null 2>&1; then
  echo '== packages: host dpkg'
  # shellcheck disable=SC2086
  dpkg-query -W -f '${db:Status-Abbrev}\t${Package}\t${Version}\n' $pkgs 2>/dev/null | awk -F '\t' '$1 ~ /^ii/ { print "pkg." $2 "\t" $3 }'
fi
if command -v rpm >/dev/null 2>&1 && [ -d /var/lib/rpm ] && ! command -v dpkg-query >/dev/null 2>&1; then
  echo '== packages: host rpm'
  rpm -qa --qf 'pkg.%{NAME}\t%{VERSION}-%{RELEASE}\n' 'openstack-nova*' 'openstack-neutron*' 'openvswitch*' 'ovn*' python3-oslo-messaging 'libvirt-daemon' 2>/dev/null | sort
fi
for g in "nova $nova" "neutron $neutron"; do
  # shellcheck disable=SC2086
  set -- $g
  [ -n "${2:-}" ] || continue
  root=/proc/$2/root
  [ -r "$root/var/lib/dpkg/status" ] || continue
  [ "$(stat -Lc %d:%i "$root" 2>/dev/null)" != "$(stat -Lc %d:%i / 2>/dev/null)" ] || continue
  echo "== packages: $1 container dpkg"
  # shellcheck disable=SC2086
  dpkg-query --admindir="$root/var/lib/dpkg" -W -f '${db:Status-Abbrev}\t${Package}\t${Version}\n' $pkgs 2>/dev/null |
    awk -F '\t' -v g="$1" '$1 ~ /^ii/ { print "pkg@" g "." $2 "\t" $3 }'
done

# Kolla: the image of each container (its tag names the release), where /etc/kolla holds a service.
set -- /etc/kolla/*
if [ -e "$1" ]; then
  for eng in docker podman; do
    command -v "$eng" >/dev/null 2>&1 || continue
    if out=$("$eng" ps --format '{{.Names}} {{.Image}}' 2>/dev/null); then
      echo "== images: $eng"
      printf '%s\n' "$out" | awk 'NF == 2 && $1 ~ /^(nova|neutron|ovn|openvswitch|placement|keystone|glance|cinder|rabbitmq|mariadb|haproxy|memcached)/ { print "image." $1 "\t" $2 }' | sort
      break
    fi
  done
fi
echo '== end'
