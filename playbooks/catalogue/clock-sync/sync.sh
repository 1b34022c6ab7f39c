#!/bin/sh
# Which daemon disciplines this node's clock and how far off it is: chrony first (it gives the
# offset), then ntpd (ntpq: offset of the selected peer), then systemd (timedatectl: only whether
# the kernel clock is synchronised). Each section starts with a `== ` line naming its source; when
# none answers, `== none` and one line per tool tried with its first words of refusal.
tried=''
if command -v chronyc >/dev/null 2>&1; then
  if out=$(chronyc -n tracking 2>&1); then
    echo '== chronyc -n tracking'
    printf '%s\n' "$out"
    exit 0
  fi
  tried="chronyc: $(printf '%s\n' "$out" | head -n 1)"
else
  tried='chronyc: not installed'
fi
if command -v ntpq >/dev/null 2>&1; then
  if out=$(ntpq -pn 2>&1) && printf '%s\n' "$out" | grep -q 'remote'; then
    echo '== ntpq -pn'
    printf '%s\n' "$out"
    exit 0
  fi
  tried="$tried
ntpq: $(printf '%s\n' "$out" | head -n 1)"
else
  tried="$tried
ntpq: not installed"
fi
if command -v timedatectl >/dev/null 2>&1; then
  if out=$(timedatectl show 2>&1); then
    echo '== timedatectl show'
    printf '%s\n' "$out"
    exit 0
  fi
  tried="$tried
timedatectl: $(printf '%s\n' "$out" | head -n 1)"
else
  tried="$tried
timedatectl: not installed"
fi
echo '== none'
printf '%s\n' "$tried"
