#!/usr/bin/env bash
# Opens the hall display or the operator console full screen in Chromium, offline, and keeps it open.
#   sunshine-kiosk.sh display|console [--url http://192.168.1.10:8080] [--screen X,Y] [--print]
# --screen moves the window to a screen's top-left corner (e.g. 1920,0 for the projector right of the laptop).
# --print shows the browser and its switches, one per line, instead of running it.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
role="${1:-}"
shift || true
url="http://127.0.0.1:8080"
position=""
print=false
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="$2"; shift 2 ;;
    --screen) position="$2"; shift 2 ;;
    --print) print=true; shift ;;
    *) echo "未知参数 unknown option: $1" >&2; exit 2 ;;
  esac
done
case "$role" in
  display|console) ;;
  *) echo "用法 usage: $0 display|console [--url URL] [--screen X,Y] [--print]" >&2; exit 2 ;;
esac

browser=""
for candidate in chromium chromium-browser google-chrome microsoft-edge; do
  if command -v "$candidate" >/dev/null 2>&1; then browser="$(command -v "$candidate")"; break; fi
done
if [ -z "$browser" ]; then
  echo "找不到 Chromium，请先安装（Debian/Ubuntu: apt-get install chromium） / Chromium not found: install it first" >&2
  exit 3
fi

# Each role keeps its own profile, so the console's saved passphrase never reaches a display machine.
profile="${XDG_DATA_HOME:-$HOME/.local/share}/sunshine-kiosk/$role"
args=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) ;; *) args+=("$line") ;; esac
done < "$here/../browser-flags.txt"
args+=("--user-data-dir=$profile" "--app=$url/$role")
if [ -n "$position" ]; then args+=("--window-position=$position"); fi

if $print; then
  printf '%s\n' "$browser" "${args[@]}"
  exit 0
fi

mkdir -p "$profile"
# No screen saver or power saving while the ceremony runs (X11; harmless elsewhere).
if command -v xset >/dev/null 2>&1 && [ -n "${DISPLAY:-}" ]; then xset s off -dpms s noblank || true; fi
# The display comes back by itself if the browser is closed or crashes; the console is closed on purpose.
while true; do
  "$browser" "${args[@]}" || true
  [ "$role" = display ] || break
  sleep 2
done
