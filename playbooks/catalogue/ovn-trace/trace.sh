#!/bin/sh
# ovn-trace step "trace" (playbook.yaml): resolve the source and next hop in the OVN northbound
# database, run ovn-trace, list the security groups of both ports. Prints key=value lines, then
# the trace and the port groups with their ACLs, for analyzer.ts. Everything here only reads.
# The parameters arrive as arguments, in the order playbook.yaml declares them.
src=$1
dst=$2
proto=$3
dport=$4
# Parameters are used as "$var" only: nothing below evaluates them.
northd_args=$(grep -lx ovn-northd /proc/[0-9]*/comm 2>/dev/null | while IFS= read -r c; do tr '\000' '\n' 2>/dev/null <"${c%comm}cmdline"; echo; done)
northd_opt() { printf '%s\n' "$northd_args" | awk -v o="$1" 'p { print; exit } $0 == o { p = 1 } index($0, o "=") == 1 { print substr($0, length(o) + 2); exit }'; }
sock() { for d in /var/run/ovn /run/ovn /var/run/openvswitch; do if [ -S "$d/$1" ]; then echo "unix:$d/$1"; return; fi; done; }
nb=${OVN_NB_DB:-$(northd_opt --ovnnb-db)}
nb=${nb:-$(sock ovnnb_db.sock)}
sb=${OVN_SB_DB:-$(northd_opt --ovnsb-db)}
sb=${sb:-$(sock ovnsb_db.sock)}
key=$(northd_opt --private-key)
cert=$(northd_opt --certificate)
ca=$(northd_opt --ca-cert)
nbctl() { ovn-nbctl --no-leader-only --timeout=20 ${nb:+--db="$nb"} ${key:+-p "$key"} ${cert:+-c "$cert"} ${ca:+-C "$ca"} "$@"; }
kv() { printf '%s=%s\n' "$1" "$2"; }
fail() { kv error "$1"; exit "${2:-3}"; }
kv nb_db "${nb:-default}"
kv sb_db "${sb:-default}"
kv source "$src"
kv destination_ip "$dst"
kv protocol "$proto"
kv destination_port "$dport"
dst_uuid=
dmac=
case $proto in tcp | udp | icmp) ;; *) fail "protocol must be tcp, udp or icmp" ;; esac
case $dport in '' | *[!0-9]*) fail "destination_port must be a number" ;; esac
case $dst in '' | *[!0-9a-fA-F:.]*) fail "destination_ip is not an IP address" ;; esac
case $dst in *:*) fam=6 ;; *) fam=4 ;; esac
ports=$(nbctl --format=csv --data=bare --no-headings --columns=_uuid,name,type,addresses,external_ids list Logical_Switch_Port) || fail "cannot read Logical_Switch_Port from the OVN northbound database" 2
# lsp_match port|ip VALUE [UUIDS]: "uuid name" of the ports that match, best kind of match only
lsp_match() {
  printf '%s\n' "$ports" | WHAT="$1" VAL="$2" IN="${3:-}" awk -F, '
    BEGIN { w = ENVIRON["WHAT"]; v = ENVIRON["VAL"]; n = split(ENVIRON["IN"], u, " "); for (i = 1; i <= n; i++) only[u[i]] = 1 }
    {
      if (n && !($1 in only)) next
      ext = $0; sub(/^[^,]*,[^,]*,[^,]*,[^,]*,/, "", ext); ext = " " ext " "
      tier = 0
      if (w == "port" && ($1 == v || $2 == v)) tier = 1
      else if (w == "port" && (index(ext, " neutron:port_name=" v " ") || index(ext, " neutron:device_id=" v " "))) tier = 2
      if (!tier && v ~ /^[0-9a-fA-F:.]+$/ && v ~ /[.:]/) {
        m = split($4, a, " "); for (i = 1; i <= m; i++) if (a[i] == v) tier = 3
        m = split(ext, a, /[ =]/); for (i = 1; i <= m; i++) if (index(a[i], v "/") == 1) tier = 3
      }
      if (tier) print tier, $1, $2
    }' | sort -n | awk 'NR == 1 { best = $1 } $1 == best { print $2, $3 }'
}
ext_of() {
  printf '%s\n' "$ports" | U="$1" K="$2" awk -F, '$1 == ENVIRON["U"] {
    ext = $0; sub(/^[^,]*,[^,]*,[^,]*,[^,]*,/, "", ext); ext = " " ext " "; k = " " ENVIRON["K"] "="
    i = index(ext, k); if (!i) exit
    v = substr(ext, i + length(k)); j = index(v, " neutron:"); if (j) v = substr(v, 1, j - 1); sub(/ +$/, "", v); print v; exit }'
}
# addr_of LSP IP: "MAC IP" of the address entry holding IP (or the first one of the family)
addr_of() {
  nbctl lsp-get-addresses "$1" | F="$fam" IP="$2" awk '
    { for (i = 2; i <= NF; i++) { a = $i; sub(/\/.*/, "", a); fam = index(a, ":") ? 6 : 4
        if (ENVIRON["IP"] != "" && a == ENVIRON["IP"]) { print $1, a; found = 1; exit }
        if (first == "" && fam == ENVIRON["F"] && $1 ~ /^([0-9a-fA-F][0-9a-fA-F]:){5}[0-9a-fA-F][0-9a-fA-F]$/) first = $1 " " a } }
    END { if (!found && ENVIRON["IP"] == "" && first != "") print first }'
}
cands=$(lsp_match port "$src")
[ -n "$cands" ] || fail "source port not found: no logical switch port has the name, UUID, neutron:port_name, neutron:device_id or IP address given"
if [ "$(printf '%s\n' "$cands" | wc -l)" -gt 1 ]; then
  printf '%s\n' "$cands" | while read -r u n; do kv source_candidate "$n $u port_name=$(ext_of "$u" neutron:port_name)"; done
  fail "source is ambiguous: several ports match; give the port name or UUID"
fi
src_uuid=${cands%% *}
src_lsp=${cands#* }
kv source_lsp "$src_lsp"
kv source_lsp_uuid "$src_uuid"
kv source_port_name "$(ext_of "$src_uuid" neutron:port_name)"
kv source_device_id "$(ext_of "$src_uuid" neutron:device_id)"
ls=$(nbctl lsp-get-ls "$src_lsp") || fail "cannot find the logical switch of port $src_lsp"
ls_uuid=${ls%% *}
ls_name=$(printf '%s\n' "$ls" | sed -n 's/^[^ ]* (\(.*\))$/\1/p')
kv source_switch "${ls_name:-$ls_uuid}"
kv source_switch_uuid "$ls_uuid"
case $src in *.* | *:*) want=$src ;; *) want= ;; esac
sa=$(addr_of "$src_lsp" "$want")
[ -n "$sa" ] || sa=$(addr_of "$src_lsp" "")
[ -n "$sa" ] || fail "source port $src_lsp has no MAC address with an IPv$fam address (addresses: $(nbctl lsp-get-addresses "$src_lsp" | tr '\n' ' '))"
smac=${sa%% *}
sip=${sa#* }
kv source_mac "$smac"
kv source_ip "$sip"
sw_ports=$(nbctl --bare --columns=ports list Logical_Switch "$ls_uuid" | tr '\n' ' ')
dc=$(lsp_match ip "$dst" "$sw_ports")
[ -n "$dc" ] || dc=$(lsp_match ip "$dst")
if [ -n "$dc" ] && [ "$(printf '%s\n' "$dc" | wc -l)" -eq 1 ]; then
  dst_uuid=${dc%% *}
  dst_lsp=${dc#* }
  kv destination_lsp "$dst_lsp"
  kv destination_lsp_uuid "$dst_uuid"
  kv destination_port_name "$(ext_of "$dst_uuid" neutron:port_name)"
  kv destination_device_id "$(ext_of "$dst_uuid" neutron:device_id)"
  dls=$(nbctl lsp-get-ls "$dst_lsp")
  kv destination_switch "$(printf '%s\n' "$dls" | sed -n 's/^[^ ]* (\(.*\))$/\1/p')"
elif [ -n "$dc" ]; then
  printf '%s\n' "$dc" | while read -r u n; do kv destination_candidate "$n $u port_name=$(ext_of "$u" neutron:port_name)"; done
fi
if [ -n "$dst_uuid" ] && case " $sw_ports " in *" $dst_uuid "*) true ;; *) false ;; esac; then
  kv path "switched"
  dmac=$(addr_of "$dst_lsp" "$dst")
  dmac=${dmac%% *}
else
  for u in $sw_ports; do
    r=$(printf '%s\n' "$ports" | U="$u" awk -F, '$1 == ENVIRON["U"] && $3 == "router" { print $2 }')
    [ -n "$r" ] || continue
    lrp=$(nbctl get Logical_Switch_Port "$r" options:router-port | tr -d '"')
    mac=$(nbctl get Logical_Router_Port "$lrp" mac | tr -d '"')
    kv router_port "$lrp mac=$mac networks=$(nbctl get Logical_Router_Port "$lrp" networks | tr -d '[]"')"
    [ -n "$dmac" ] || dmac=$mac
  done
  [ -n "$dmac" ] || fail "destination $dst is not on the network of $src_lsp and that network has no router port: nothing can forward the packet"
  kv path "routed"
fi
kv eth_dst "$dmac"
case $proto in
  tcp | udp) l4="$proto && $proto.dst == $dport" ;;
  icmp) if [ "$fam" = 6 ]; then l4="icmp6 && icmp6.type == 128 && icmp6.code == 0"; else l4="icmp4 && icmp4.type == 8 && icmp4.code == 0"; fi ;;
esac
flow="inport == \"$src_lsp\" && eth.src == $smac && ip$fam.src == $sip && eth.dst == $dmac && ip$fam.dst == $dst && ip.ttl == 64 && $l4"
kv flow "$flow"
echo "== ovn-trace =="
set -- --ct=new --ct=new --ct=new --ct=new
ovn-trace --help 2>/dev/null | grep -q -- --no-leader-only && set -- "$@" --no-leader-only
ovn-trace "$@" ${sb:+--db="$sb"} ${key:+-p "$key"} ${cert:+-c "$cert"} ${ca:+-C "$ca"} "${ls_name:-$ls_uuid}" "$flow"
rc=$?
echo "== security groups =="
pgs_of() { [ -n "$1" ] && nbctl --format=csv --data=bare --no-headings --columns=name,external_ids find Port_Group "ports{>=}$1"; }
src_pgs=$(pgs_of "$src_uuid")
dst_pgs=$(pgs_of "$dst_uuid")
printf '%s\n' "$src_pgs" "$dst_pgs" | sort -u | while IFS=, read -r pg ext; do
  [ -n "$pg" ] || continue
  m=$(printf '%s\n' "$src_pgs" | PG="$pg" awk -F, '$1 == ENVIRON["PG"] { print "source" }')
  printf '%s\n' "$dst_pgs" | PG="$pg" awk -F, '$1 == ENVIRON["PG"] { f = 1 } END { exit !f }' && m=${m:+$m,}destination
  printf 'port_group=%s members=%s external_ids=%s\n' "$pg" "$m" "$ext"
  nbctl --type=port-group acl-list "$pg"
  # Neutron's ACLs carry no name: the rule id is in their external_ids (neutron:security_group_rule_id).
  acls=$(nbctl --bare --columns=acls list Port_Group "$pg")
  # shellcheck disable=SC2086 # one argument per ACL UUID
  [ -z "$acls" ] || nbctl --format=csv --data=bare --no-headings --columns=direction,priority,match,external_ids list ACL $acls | sed 's/^/acl=/'
done
exit $rc
