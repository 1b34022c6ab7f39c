#!/bin/sh
# This node's global addresses and the MTU of each interface that holds one (loopback, link-local
# and the instances' tap/veth devices carry none): `== addr` lines `IFACE FAMILY ADDR/PREFIX`, then
# `== mtu` lines `IFACE MTU`. The analyzer finds the interface that carries the tunnel address.
{ ip -o addr show; echo '--'; ip -o link show; } 2>&1 | awk '
  $0 == "--" { links = 1; print "== mtu"; next }
  !links && ($3 == "inet" || $3 == "inet6") && / scope global / { if (!n++) print "== addr"; print $2, $3, $4; has[$2] = 1; next }
  links { name = $2; sub(/:$/, "", name); sub(/@.*/, "", name)
          for (i = 3; i < NF; i++) if ($i == "mtu" && has[name]) print name, $(i + 1) }
  !links && $3 != "inet" && $3 != "inet6" { print "ip: " $0 }'
