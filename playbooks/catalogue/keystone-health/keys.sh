#!/bin/sh
# keystone-health, on each Keystone node (inside its container or pod where it has one): the Fernet
# key repository this Keystone signs and validates tokens with, as hashes only, and how many of the
# last lines of its log are refused requests (HTTP 401). A key never leaves this shell: each key
# file is read by sha256sum on the node and only the first 16 hex digits of its hash are printed
# (enough to tell two key sets apart, nothing to rebuild a key from).

# keystone.conf as Keystone reads it: the folder the WSGI app is told (OS_KEYSTONE_CONFIG_DIR), else /etc/keystone.
conf=/etc/keystone/keystone.conf
if [ -n "$OS_KEYSTONE_CONFIG_DIR" ] && [ -r "$OS_KEYSTONE_CONFIG_DIR/keystone.conf" ]; then conf=$OS_KEYSTONE_CONFIG_DIR/keystone.conf; fi

# `key_repository` of a section of keystone.conf, or empty.
conf_repo() {
  [ -r "$conf" ] || return 0
  awk -v want="[$1]" '
    /^[ \t]*\[/ { gsub(/[ \t]/, ""); sect = $0; next }
    sect == want && /^[ \t]*key_repository[ \t]*=/ { sub(/^[^=]*=[ \t]*/, ""); sub(/[ \t]+$/, ""); v = $0 }
    END { if (v != "") print v }' "$conf"
}

# One repository: its key files by name (0 staged, the highest primary), each as a short hash.
repo() {
  what=$1
  dir=$2
  if [ ! -d "$dir" ]; then
    echo "== $what $dir missing"
    return 0
  fi
  if [ ! -r "$dir" ] || [ ! -x "$dir" ]; then
    echo "== $what $dir unreadable"
    return 0
  fi
  echo "== $what $dir"
  for f in "$dir"/*; do
    [ -f "$f" ] || continue
    name=${f##*/}
    case $name in *[!0-9]*) continue ;; esac
    if [ -r "$f" ]; then
      h=$(sha256sum <"$f" 2>/dev/null | cut -c1-16)
      echo "key $name ${h:-unreadable}"
    else
      echo "key $name unreadable"
    fi
  done
}

if [ -r "$conf" ]; then echo "== conf $conf"; else echo "== conf $conf missing"; fi
fernet=$(conf_repo fernet_tokens)
repo fernet "${fernet:-/etc/keystone/fernet-keys}"

# Refused requests in the last 2000 lines of Keystone's own log file, where it writes one
# (Debian/Ubuntu /var/log/keystone, Kolla /var/log/kolla/keystone; openstack-helm logs to stdout).
log=''
if [ -r "$conf" ]; then
  log=$(awk '/^[ \t]*\[/ { gsub(/[ \t]/, ""); sect = $0; next } sect == "[DEFAULT]" && /^[ \t]*log_file[ \t]*=/ { sub(/^[^=]*=[ \t]*/, ""); sub(/[ \t]+$/, ""); v = $0 } END { if (v != "") print v }' "$conf")
fi
for l in "$log" /var/log/keystone/keystone.log /var/log/kolla/keystone/keystone.log; do
  if [ -z "$l" ] || [ ! -r "$l" ]; then continue; fi
  echo "== log $l"
  tail -n 2000 "$l" 2>/dev/null | awk '
    NR == 1 { first = $1 " " $2 }
    { last = $1 " " $2 }
    /Authorization failed|Could not recognize Fernet token|Invalid fernet token|InvalidToken/ { n++; hit = $0 }
    END { print "lines " NR; print "first " first; print "last " last; print "refused " n + 0; if (hit != "") print "latest " hit }'
  exit 0
done
echo "== log none"
