#!/bin/sh
# certificates, on each node: the certificates this node serves and uses. HAProxy's (every
# `bind … ssl crt FILE` of its running configuration, read as the process sees it through
# /proc/PID/root, and the certificate its TLS frontends actually serve), Kolla's
# /etc/kolla/certificates, and the PKI folders of OVS/OVN and libvirt. For each: notAfter,
# subject, issuer, SHA-256 fingerprint and `openssl verify` with the chain the file carries.
# Private keys never leave their file: only the BEGIN/END CERTIFICATE blocks are handed to openssl.
echo "== now $(date +%s)"
me=$(readlink /proc/self/ns/net 2>/dev/null)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# The certificate blocks of a file (stdin), nothing else.
certs_only() { awk '/-----BEGIN CERTIFICATE-----/ { p = 1 } p { print } /-----END CERTIFICATE-----/ { p = 0 }'; }

# notAfter, subject, issuer and fingerprint of the first certificate on stdin.
describe() {
  openssl x509 -noout -enddate -subject -issuer -fingerprint -sha256 -nameopt oneline 2>&1 | sed 's/^SHA256 Fingerprint=/sha256 Fingerprint=/'
}

# CA files this node trusts besides the system store (the cluster's own CA, when it keeps one).
cafile=''
for c in "$OS_CACERT" /etc/kolla/certificates/ca/root.crt /etc/kolla/certificates/ca/ca.crt; do
  if [ -n "$c" ] && [ -r "$c" ]; then cafile=$c; break; fi
done

show_file() {
  f=$1
  what=$2
  [ -r "$f" ] || { echo "== file $f $what unreadable"; return 0; }
  certs_only <"$f" >"$tmp/all.pem"
  n=$(grep -c -- '-----BEGIN CERTIFICATE-----' "$tmp/all.pem")
  [ "$n" -gt 0 ] || return 0
  echo "== file ${f#/proc/[0-9]*/root} $what"
  echo "certs $n"
  describe <"$tmp/all.pem"
  # The leaf with the rest of the file as its chain; an issuer this node does not know is said, not judged.
  if [ -n "$cafile" ]; then
    v=$(openssl verify -CAfile "$cafile" -untrusted "$tmp/all.pem" "$tmp/all.pem" 2>&1 | grep -E '^error|OK$' | head -n 1)
  else
    v=$(openssl verify -untrusted "$tmp/all.pem" "$tmp/all.pem" 2>&1 | grep -E '^error|OK$' | head -n 1)
  fi
  echo "verify ${v#"$tmp/all.pem": }"
}

seen=''
once() {
  case " $seen " in *" $1 "*) return 1 ;; esac
  seen="$seen $1"
  return 0
}

# --- HAProxy: its running configuration's `bind … ssl crt` files, and what those binds serve ---
hpid=''
for d in /proc/[0-9]*; do
  comm=''
  read -r comm 2>/dev/null <"$d/comm" || continue
  [ "$comm" = haproxy ] || continue
  [ "$(readlink "$d/ns/net" 2>/dev/null)" = "$me" ] || continue
  hpid=${d#/proc/}
  break
done
cfgs=''
if [ -n "$hpid" ]; then
  root=/proc/$hpid/root
  for a in $(tr '\0' '\n' <"/proc/$hpid/cmdline" | awk 'f { print; f = 0; next } $0 == "-f" { f = 1 }'); do
    if [ -d "$root$a" ]; then for f in "$root$a"/*.cfg; do [ -f "$f" ] && cfgs="$cfgs $f"; done; elif [ -f "$root$a" ]; then cfgs="$cfgs $root$a"; fi
  done
else
  root=''
  for f in /etc/haproxy/haproxy.cfg /etc/kolla/haproxy/haproxy.cfg /etc/kolla/haproxy/services.d/*.cfg; do [ -f "$f" ] && cfgs="$cfgs $f"; done
fi
# "ADDR:PORT CRT" for every TLS bind (crt-list and directories are named, not expanded).
binds=$(for f in $cfgs; do
  awk '/^[ \t]*bind[ \t]/ && / ssl / { for (i = 3; i < NF; i++) if ($i == "crt") print $2, $(i + 1) }' "$f"
done)
for c in $(printf '%s\n' "$binds" | awk 'NF { print $2 }' | sort -u); do
  if [ -d "$root$c" ]; then
    for f in "$root$c"/*; do [ -f "$f" ] && once "$f" && show_file "$f" haproxy; done
  elif once "$root$c"; then
    show_file "$root$c" haproxy
  fi
done
# What each TLS address serves (one port per address and file): the certificate clients get.
if [ -n "$hpid" ]; then
  printf '%s\n' "$binds" | awk 'NF && !seen[$2 " " substr($1, 1, match($1, /:[0-9]+$/) - 1)]++ { print $1, $2 }' | while read -r addr crt; do
    case $addr in \**|:*|0.0.0.0:*) continue ;; esac
    echo "== served $addr $crt"
    host=${addr%:*}
    if [ -n "$cafile" ]; then
      timeout 5 openssl s_client -connect "$addr" -servername "$host" -CAfile "$cafile" </dev/null >"$tmp/s" 2>&1
    else
      timeout 5 openssl s_client -connect "$addr" -servername "$host" </dev/null >"$tmp/s" 2>&1
    fi
    if grep -q -- '-----BEGIN CERTIFICATE-----' "$tmp/s"; then
      certs_only <"$tmp/s" | describe
      grep -m 1 'Verify return code' "$tmp/s" | sed 's/^[ \t]*/verify /'
    else
      echo "error $(grep -m 1 -iE 'connect|errno|error' "$tmp/s" | head -c 200)"
    fi
  done
fi

# --- PKI folders: Kolla's certificates, OVS/OVN, libvirt/QEMU ---
for f in /etc/kolla/certificates/*.pem /etc/kolla/certificates/*.crt /etc/kolla/certificates/ca/*.crt /etc/kolla/certificates/ca/*.pem; do
  [ -f "$f" ] && once "$f" && show_file "$f" kolla
done
for f in /etc/openvswitch/*.pem /etc/openvswitch/*.crt /var/lib/openvswitch/pki/*/cacert.pem; do
  [ -f "$f" ] && once "$f" && show_file "$f" ovs
done
for f in /etc/ovn/*.pem /etc/ovn/*.crt; do
  [ -f "$f" ] && once "$f" && show_file "$f" ovn
done
for f in /etc/pki/libvirt/*.pem /etc/pki/CA/cacert.pem /etc/pki/qemu/*.pem; do
  [ -f "$f" ] && once "$f" && show_file "$f" libvirt
done
echo '== end'
