#!/bin/sh
# /usr/bin/ifc-room-schedule: exec, so the installed app is this very process and Ctrl-C, kill and
# a supervisor's signals reach it (no wrapper in between that could swallow them).
exec /usr/bin/node --expose-gc /opt/ifc-room-schedule/bin/ifc-room-schedule.js "$@"
