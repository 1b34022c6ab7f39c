#!/bin/sh
# keystone-health, once, on one controller with the admin credentials loaded (client: openstack):
# a token issued through the Keystone VIP, then one issued by each Keystone node directly (the
# servers of HAProxy's keystone proxies) and checked on every other node. A Fernet key set that
# differs shows as a token one node issues and another refuses (HTTP 401/404).
#
# Secrets: the password and tokens live only in variables of this shell. They reach curl on its
# stdin (printf is a builtin: no process's argv holds them) and are never printed: only HTTP
# status codes are.
TIMEOUT=5
me=$(readlink /proc/self/ns/net 2>/dev/null)

# curl with the cluster's CA when the credentials name one.
c() {
  if [ -n "$OS_CACERT" ]; then curl -sS --max-time "$TIMEOUT" --cacert "$OS_CACERT" "$@"; else curl -sS --max-time "$TIMEOUT" "$@"; fi
}

# JSON string escaping of stdin (backslash and double quote), for the auth body.
esc() { sed 's/[\\"]/\\&/g'; }

# The auth request body: the password when the credentials carry one, else the token in $base.
body() {
  if [ -n "$OS_PASSWORD" ] && [ -n "$OS_USERNAME$OS_USER_ID" ]; then
    if [ -n "$OS_USER_ID" ]; then
      user="\"id\": \"$(printf '%s' "$OS_USER_ID" | esc)\""
    else
      user="\"name\": \"$(printf '%s' "$OS_USERNAME" | esc)\", \"domain\": {\"name\": \"$(printf '%s' "${OS_USER_DOMAIN_NAME:-Default}" | esc)\"}"
    fi
    ident="{\"methods\": [\"password\"], \"password\": {\"user\": {$user, \"password\": \"$(printf '%s' "$OS_PASSWORD" | esc)\"}}}"
  else
    ident="{\"methods\": [\"token\"], \"token\": {\"id\": \"$base\"}}"
  fi
  scope=''
  if [ -n "$OS_PROJECT_ID" ]; then
    scope=", \"scope\": {\"project\": {\"id\": \"$(printf '%s' "$OS_PROJECT_ID" | esc)\"}}"
  elif [ -n "$OS_PROJECT_NAME$OS_TENANT_NAME" ]; then
    scope=", \"scope\": {\"project\": {\"name\": \"$(printf '%s' "${OS_PROJECT_NAME:-$OS_TENANT_NAME}" | esc)\", \"domain\": {\"name\": \"$(printf '%s' "${OS_PROJECT_DOMAIN_NAME:-Default}" | esc)\"}}}"
  fi
  printf '{"auth": {"identity": %s%s}}' "$ident" "$scope"
}

# Issue a token at $1 (a /v3 URL): prints "<code> <token>" into the caller's variable, never out.
issue() {
  body | c -o /dev/null -D - -H 'Content-Type: application/json' --data-binary @- "$1/auth/tokens" 2>/dev/null |
    awk 'NR == 1 { code = $2 } tolower($1) == "x-subject-token:" { tok = $2; sub(/\r$/, "", tok) } END { print (code == "" ? "000" : code) " " tok }'
}

# Check token $2 at $1: the HTTP status of GET /v3/auth/tokens with it as both caller and subject.
check() {
  code=$(printf 'X-Auth-Token: %s\nX-Subject-Token: %s\n' "$2" "$2" | c -o /dev/null -w '%{http_code}' -H @- "$1/auth/tokens" 2>/dev/null)
  echo "${code:-000}"
}

v3() {
  u=${1%/}
  case $u in */v3) echo "$u" ;; */v2.0) echo "${u%/v2.0}/v3" ;; *) echo "$u/v3" ;; esac
}

# --- HAProxy's keystone servers: the proxies named keystone*, or binding the auth URL's port ---
port=$(printf '%s' "$OS_AUTH_URL" | sed -n 's|^[a-z]*://[^/]*:\([0-9]*\).*|\1|p')
find_haproxy() {
  for d in /proc/[0-9]*; do
    comm=''
    read -r comm 2>/dev/null <"$d/comm" || continue
    [ "$comm" = haproxy ] || continue
    [ "$(readlink "$d/ns/net" 2>/dev/null)" = "$me" ] || continue
    echo "${d#/proc/}"
    return 0
  done
  return 1
}
configs() {
  pid=$(find_haproxy)
  if [ -n "$pid" ]; then
    tr '\0' '\n' <"/proc/$pid/cmdline" | awk 'f { print; f = 0; next } $0 == "-f" { f = 1 }' | while read -r a; do
      p=/proc/$pid/root$a
      if [ -d "$p" ]; then for f in "$p"/*.cfg; do [ -f "$f" ] && echo "$f"; done; elif [ -f "$p" ]; then echo "$p"; fi
    done
    return 0
  fi
  for f in /etc/haproxy/haproxy.cfg /etc/kolla/haproxy/haproxy.cfg /etc/kolla/haproxy/services.d/*.cfg; do [ -f "$f" ] && echo "$f"; done
}
cfg=$(configs | while read -r f; do
  awk -v port="${port:-5000}" '
    /^[ \t]*(listen|backend|frontend)[ \t]/ { name = $2; ks = (name ~ /keystone/) }
    /^[ \t]*bind[ \t]/ && $2 ~ (":" port "$") { ks = 1 }
    /^[ \t]*bind[ \t]/ && ks { print "bind", ($0 ~ /[ \t]ssl([ \t]|$)/ ? "https" : "http"), $2 }
    /^[ \t]*server[ \t]/ && ks { print "server", $2, $3, ($0 ~ /[ \t]ssl([ \t]|$)/ ? "https" : "http") }' "$f"
done)
servers=$(printf '%s\n' "$cfg" | awk '$1 == "server" && !seen[$3]++ { print $2, $3, $4 }')

# --- through the VIP: the auth URL, else HAProxy's plain-http keystone address ---
base=''
vip=''
if [ -n "$OS_AUTH_URL" ]; then
  vip=$(v3 "$OS_AUTH_URL")
else
  b=$(printf '%s\n' "$cfg" | awk '$1 == "bind" && $2 == "http" { print $3; exit }')
  [ -n "$b" ] && vip="http://$b/v3"
fi
echo "== vip ${vip:-none}"
if [ -n "$vip" ] && [ -n "$OS_PASSWORD" ]; then
  r=$(issue "$vip")
  base=${r#* }
  echo "issue vip ${r%% *}"
elif [ -n "$OS_CLOUD" ] && command -v openstack >/dev/null 2>&1; then
  # clouds.yaml or a token, no password here: the client issues the token (through its auth_url).
  base=$(openstack token issue -f value -c id 2>/dev/null </dev/null)
  if [ -n "$base" ]; then echo "issue client ok"; else echo "issue client failed"; fi
fi
# The VIP's token checked through the VIP a few times: each check may land on another node.
if [ -n "$base" ] && [ -n "$vip" ]; then
  for i in 1 2 3 4 5 6; do echo "check vip $i $(check "$vip" "$base")"; done
fi
if [ -z "$OS_PASSWORD" ] && [ -z "$base" ]; then
  echo '== nodes no-credentials'
  exit 0
fi

# --- each node directly ---
if [ -z "$servers" ]; then
  echo '== nodes none'
  exit 0
fi
echo '== nodes'
echo "$servers" | while read -r name addr scheme; do echo "server $name $addr $scheme"; done
# Tokens by node, in variables tok_1…: eval only ever sees our own variable names.
i=0
for addr in $(echo "$servers" | awk '{ print $3 "://" $2 }'); do
  i=$((i + 1))
  name=$(echo "$servers" | sed -n "${i}p" | awk '{ print $1 }')
  r=$(issue "$(v3 "$addr")")
  echo "issue $name ${r%% *}"
  eval "tok_$i=\${r#* }"
done
i=0
for from in $(echo "$servers" | awk '{ print $1 }'); do
  i=$((i + 1))
  eval "t=\$tok_$i"
  [ -n "$t" ] || continue
  j=0
  for addr in $(echo "$servers" | awk '{ print $3 "://" $2 }'); do
    j=$((j + 1))
    [ "$j" -ne "$i" ] || continue
    on=$(echo "$servers" | sed -n "${j}p" | awk '{ print $1 }')
    echo "check $from on $on $(check "$(v3 "$addr")" "$t")"
  done
done
