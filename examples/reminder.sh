#!/bin/sh
# A daily reminder. Run it from cron on workdays at 10:00:
#   0 10 * * 1-5  /path/to/reminder.sh
# or from a systemd user timer (OnCalendar=Mon..Fri 10:00).
# It says nothing when today's update is written.
if ! async-up status -q; then
  message="You have not written today's stand-up yet: run async-up write"
  if command -v notify-send >/dev/null 2>&1 && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    notify-send "async-up" "$message"
  else
    echo "$message"
  fi
fi
