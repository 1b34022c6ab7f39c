#!/bin/sh
# Every chassis' tunnel endpoint as the OVN Southbound DB has it (Encap: type, ip, chassis), and the
# chassis' hostnames: which address each compute's tunnels start from, and with which overhead.
echo '== encaps'
ovn-sbctl --no-leader-only --timeout=10 --format=csv --data=bare --no-headings --columns=chassis_name,type,ip list Encap
echo "== chassis (exit $?)"
ovn-sbctl --no-leader-only --timeout=10 --format=csv --data=bare --no-headings --columns=name,hostname list Chassis
