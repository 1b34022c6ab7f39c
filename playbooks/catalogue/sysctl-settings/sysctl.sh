#!/bin/sh
# The kernel settings that page people when a table or a limit fills up, read from /proc/sys with
# one grep (no sysctl binary, no fork per key; dash's `read` gets only a /proc/sys file's first
# byte), one `key = value` line each; a key the kernel lacks (a module not loaded) is not printed.
# Then what they limit: the neighbour (ARP) entries of this network namespace and of the whole
# kernel, the kernel's task count (/proc/loadavg), the Linux bridges here, and the few processes
# that decide which settings matter (a kubelet or kube-proxy needs ip_forward, a database node
# wants a low swappiness), each with its network namespace where readable (as root), so a process
# of another namespace on the same host is told apart.
cd /proc/sys || exit 1
grep -Hs '' net/ipv4/ip_forward net/netfilter/nf_conntrack_count net/netfilter/nf_conntrack_max \
  net/ipv4/neigh/default/gc_thresh1 net/ipv4/neigh/default/gc_thresh2 net/ipv4/neigh/default/gc_thresh3 \
  fs/file-nr fs/file-max kernel/pid_max vm/swappiness net/bridge/bridge-nf-call-iptables |
  sed 's|/|.|g; s|:| = |'
echo "== neigh: $(ip -4 neigh show 2>/dev/null | wc -l) entries in this namespace"
# The ARP table is one for the whole kernel (every namespace's entries count against gc_thresh3);
# /proc/net/stat/arp_cache gives its size (hex) where it is visible (the host's namespace).
if [ -r /proc/net/stat/arp_cache ]; then
  { read -r head; read -r row; } < /proc/net/stat/arp_cache
  echo "== arp_cache: $head"
  echo "== arp_cache: $row"
fi
read -r load < /proc/loadavg
echo "== loadavg: $load"
echo '== bridges:'
ip -o link show type bridge 2>/dev/null | awk -F': ' '{ print "bridge " $2 }'
self=$(readlink /proc/self/ns/net 2>/dev/null)
echo "== netns: ${self:-?}"
grep -sxE 'kubelet|kube-proxy|mysqld|mariadbd' /proc/[0-9]*/comm | while IFS=: read -r path comm; do
  pid=${path#/proc/}; pid=${pid%/comm}
  ns=$(readlink "/proc/$pid/ns/net" 2>/dev/null)
  # A process that ended since grep saw it is not one of this node's.
  [ -n "$ns" ] || [ -d "/proc/$pid" ] || continue
  echo "process $comm $pid ${ns:-?}"
done
