#!/usr/bin/env bash
# basics.sh — the tool answers --help and --version and names unknown commands and options.
. "$(dirname "$0")/../lib.sh"
run 0 "$GONGKAI" --version
contains "$OUT" "gongkai " "--version prints the name and version"
run 0 "$GONGKAI" --help
contains "$OUT" "Commands:" "--help lists the commands"
run 2 "$GONGKAI" no-such-command
contains "$ERR" "unknown command 'no-such-command'" "unknown command is named"
run 2 "$GONGKAI" --bogus
contains "$ERR" "--bogus" "unknown option is named"
run 2 "$GONGKAI"
done_testing
