#!/bin/sh
# dropped-traffic, on each compute and network node: the datapath flows that are dropping packets
# now (packets counted, used in the last minute), each with the flows that led to it, which
# datapath port number is which interface, and which interfaces are VM ports. A drop after
# conntrack is reached through recirculation: the dropping flow has recirc_id(N) and few fields;
# the flow before it (actions …recirc(N)) carries the destination MAC, the first one
# (recirc_id(0)) the source IP. Only those chains travel, at most 200 drops: a busy compute has
# tens of thousands of flows.
LC_ALL=C
export LC_ALL
echo "== now $(date '+%s %z')"
if ! dps=$(ovs-appctl --timeout=10 dpctl/dump-dps 2>&1); then
  echo '== dpctl failed'
  printf '%s\n' "$dps" | head -n 3 >&2
  exit 3
fi
for dp in $dps; do
  echo "== ports $dp"
  ovs-appctl --timeout=10 dpctl/show "$dp" | sed -n 's/^ *port \([0-9][0-9]*\): \([^ ]*\).*/\1 \2/p'
  echo "== drops $dp"
  ovs-appctl --timeout=10 dpctl/dump-flows "$dp" | awk -v max=200 '
    / packets:[0-9]+, / { n++; line[n] = $0 }
    END {
      for (i = 1; i <= n && drops < max; i++) {
        l = line[i]
        if (l !~ /actions:drop$/ || l ~ / packets:0, /) continue
        if (!match(l, / used:[0-9.]+s/)) continue
        if (substr(l, RSTART + 6, RLENGTH - 7) + 0 > 60) continue
        keep[i] = 1
        drops++
      }
      # The recirculation each flow comes from and goes to, once; then up the chains (at most 6 deep).
      for (i = 1; i <= n; i++) {
        if (match(line[i], /recirc_id\([0-9a-fx]+\)/)) from[i] = substr(line[i], RSTART + 10, RLENGTH - 11)
        if (match(line[i], /recirc\([0-9a-fx]+\)/)) to[i] = substr(line[i], RSTART + 7, RLENGTH - 8)
      }
      for (pass = 0; pass < 6; pass++) {
        split("", want)
        for (i in keep) if (from[i] != "" && from[i] != "0") want[from[i]] = 1
        for (i = 1; i <= n; i++) if (!(i in keep) && (i in to) && (to[i] in want)) keep[i] = 1
      }
      for (i = 1; i <= n; i++) if ((i in keep) && printed++ < 2000) print line[i]
    }'
done
echo '== interfaces'
ovs-vsctl --timeout=10 --format=csv --data=bare --no-headings --columns=name,external_ids list Interface | grep -F 'iface-id='
echo '== end'
