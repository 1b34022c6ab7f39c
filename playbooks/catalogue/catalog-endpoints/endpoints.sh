#!/bin/sh
# catalog-endpoints, once, on one controller with the admin credentials loaded (client: openstack):
# every endpoint of the Keystone catalog (openstack endpoint list) asked with one unauthenticated
# GET, all at once, each with a short timeout. Any HTTP answer (200, 300, 401…) means the API is
# there; 000 means nothing answered, with curl's reason. An https endpoint whose certificate does
# not verify is asked again without verification, to tell a TLS problem from a dead API.
TIMEOUT=5
RETRY=15
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

c() {
  if [ -n "$OS_CACERT" ]; then curl -sS --connect-timeout 3 --max-time "$TIMEOUT" --cacert "$OS_CACERT" "$@"; else curl -sS --connect-timeout 3 --max-time "$TIMEOUT" "$@"; fi
}

# Token credentials pinned to one service (OS_TOKEN with OS_ENDPOINT, no auth URL or cloud) have
# no Keystone behind them: there is no catalog to read (a cloud without Keystone, a noauth lab).
if [ -z "$OS_AUTH_URL$OS_CLOUD" ] && [ -n "$OS_ENDPOINT" ]; then
  echo "== no-catalog ${OS_AUTH_TYPE:-token} $OS_ENDPOINT"
  exit 0
fi
# Default columns: ID, Region, Service Name, Service Type, Enabled, Interface, URL (the last four read from the end).
if ! openstack endpoint list -f value >"$tmp/list" 2>"$tmp/err" </dev/null; then
  echo '== list failed'
  head -c 2000 "$tmp/err" >&2
  exit 3
fi
echo "== endpoints $(grep -c . "$tmp/list")"
i=0
awk 'NF >= 4 { print $(NF - 3), $(NF - 2), $(NF - 1), $NF }' "$tmp/list" >"$tmp/four"
while read -r type enabled iface url; do
  i=$((i + 1))
  # A URL template (…/v3/%(project_id)s, $(tenant_id)s) is asked at its root part.
  u=${url%%%(*}
  u=${u%%\$(*}
  echo "$type $iface $enabled $url $u" >"$tmp/$i.ep"
  [ "$enabled" = True ] || [ "$enabled" = true ] || continue
  (
    r=$(c -o /dev/null -w '%{http_code} %{time_total}' "$u" 2>"$tmp/$i.err")
    rc=$?
    k=''
    case $rc in
      35 | 51 | 58 | 60 | 77 | 83 | 90 | 91) k=$(curl -sS -k --connect-timeout 3 --max-time "$RETRY" -o /dev/null -w '%{http_code}' "$u" 2>/dev/null) ;;
    esac
    # No answer in time (curl 28): asked once more with a longer limit, to tell a slow API from a dead one.
    a=-
    if [ "$rc" -eq 28 ]; then
      a=$(TIMEOUT=$RETRY c -o /dev/null -w '%{http_code}:%{time_total}' "$u" 2>"$tmp/$i.err2")
      a=${a:-000:0}
    fi
    echo "$rc ${r:-000 0} ${k:--} $a" >"$tmp/$i.res"
  ) &
done <"$tmp/four"
wait
j=0
while [ "$j" -lt "$i" ]; do
  j=$((j + 1))
  [ -f "$tmp/$j.ep" ] || continue
  read -r type iface enabled url u <"$tmp/$j.ep"
  if [ ! -f "$tmp/$j.res" ]; then
    echo "ep $type $iface $url disabled"
    continue
  fi
  read -r rc code secs insecure again <"$tmp/$j.res"
  err=$(head -n 1 "$tmp/$j.err" 2>/dev/null | cut -c1-200)
  # The second try's error, when it failed too (the first one's timeout is then the same story).
  [ "${again%%:*}" = 000 ] && err=$(head -n 1 "$tmp/$j.err2" 2>/dev/null | cut -c1-200)
  echo "ep $type $iface $url -> $code ${secs}s curl=$rc insecure=$insecure again=${again:--}${err:+ $err}"
done
