#!/usr/bin/env bash
# basics.sh — the tool answers --help and --version and names unknown commands and options.
# databases: none (no command here opens one)
. "$(dirname "$0")/../lib.sh"
run 0 "$GONGKAI" --version
contains "$OUT" "gongkai " "--version prints the name and version"
run 0 "$GONGKAI" --help
contains "$OUT" "Commands:" "--help lists the commands"
run 2 "$GONGKAI" no-such-command
contains "$ERR" "unknown command 'no-such-command'" "unknown command is named"
run 2 "$GONGKAI" --bogus
contains "$ERR" "--bogus" "unknown option is named"
# subcommands from each command's table: an unknown one is named with those there are, none
# at all is a usage error with the usage on stderr, --help the usage on stdout
run 2 "$GONGKAI" app frobnicate
contains "$ERR" "gongkai app: unknown subcommand 'frobnicate' (new, event, decide, show, letter, notice, list, generate)" "app: an unknown subcommand and the known ones"
run 2 "$GONGKAI" audit frobnicate
contains "$ERR" "(verify, export, key, list)" "audit: the known subcommands"
run 2 "$GONGKAI" user frobnicate
contains "$ERR" "(add, passwd, totp, totp-key, list)" "user: the known subcommands"
run 2 "$GONGKAI" user
contains "$ERR" "Usage: gongkai user add" "user without a subcommand: the usage, on stderr"
equals "$OUT" "" "and nothing on stdout"
run 0 "$GONGKAI" app --help
contains "$OUT" "--contact TEXT" "app --help: the usage with the application's declared fields, on stdout"
run 2 "$GONGKAI" report 2024x
contains "$ERR" "YEAR: want a whole number 1900-9999, got '2024x'" "report: what is not a subcommand is read as the year"
lacks "$ERR" "unknown subcommand" "not refused as a subcommand"
run 2 "$GONGKAI"

# a command's options come from one table: numbers by one parser, --help from the same table
run 0 "$GONGKAI" serve --help
contains "$OUT" "  --threads N          worker threads" "serve --help lists --threads from its table"
contains "$OUT" "                       X-Forwarded-For (only" "a help text's further lines keep the column"
run 2 "$GONGKAI" serve --threads 5x
contains "$ERR" "--threads: want a whole number 1-256, got '5x'" "serve --threads 5x is refused, not read as 5"
run 2 "$GONGKAI" serve --session-idle 0
contains "$ERR" "--session-idle: want a whole number 1-1440, got '0'" "a number out of its range is refused naming the option"
run 2 "$GONGKAI" serve --threads
contains "$ERR" "option '--threads' needs a value" "an option without its value is named as such"
run 2 "$GONGKAI" serve --frobnicate
contains "$ERR" "unknown option '--frobnicate'" "an unknown option is named"
run 2 "$GONGKAI" serve --totp sometimes
contains "$ERR" "--totp: want one of admins, all, optional, got 'sometimes'" "a word option names its words"
run 2 "$GONGKAI" serve --form-limit lunch=3
contains "$ERR" "--form-limit: want N or FORM=N with FORM one of apply, track, feedback" "--form-limit names the forms"
run 2 "$GONGKAI" app event 1 correction-requested --date 2024-09-28 --workdays 5
contains "$ERR" "--workdays does not belong to correction-requested" "an option the step does not take is refused"
run 2 "$GONGKAI" app event 1 correction-requested --date 2024-09-28 --period 5 --due 2024-10-10
contains "$ERR" "--period N or as --due DATE, not both" "a period is given one way"
run 2 "$GONGKAI" app event 1 correction-requested --date 2024-09-28 --basis x
contains "$ERR" "belong to 'app decide'" "app decide's options are refused by app event"
run 2 "$GONGKAI" app event 1 consultation-started --date 2024-09-28 --party nobody
contains "$ERR" "--party: third-party or organ, not 'nobody'" "--party names its two values"
run 2 "$GONGKAI" app event 1 fee-notice --date 2024-09-28 --by-pages 3x
contains "$ERR" "--by-pages: want a whole number 1-1000000, got '3x'" "--by-pages 3x is refused"
run 2 "$GONGKAI" app decide 1 --date 2024-09-29 --outcome granted --responsible-contact x
contains "$ERR" "--responsible-contact goes with --responsible-organ" "the contact goes with the organ"
run 2 "$GONGKAI" report list --year 2024x
contains "$ERR" "--year: want a whole number 1900-9999, got '2024x'" "report list --year 2024x is refused"
run 2 "$GONGKAI" report publish 2024 --draft
contains "$ERR" "option '--draft' is not accepted by 'report publish'" "a subcommand refuses another's option"
run 2 "$GONGKAI" search x --sort weird
contains "$ERR" "--sort: want one of relevance, date, got 'weird'" "search --sort names its words"
run 2 "$GONGKAI" app list --due-within 3x
contains "$ERR" "--due-within: want a whole number 0-1000, got '3x'" "app list --due-within 3x is refused"
run 2 "$GONGKAI" doc list --title x
contains "$ERR" "option '--title' is not accepted by 'doc list'" "doc list names the option it does not take (not its value)"
run 2 "$GONGKAI" backup --dir /nonexistent --keep-daily 3x
contains "$ERR" "--keep-daily: want a whole number 0-1000, got '3x'" "backup --keep-daily 3x is refused"
run 0 "$GONGKAI" backup --help
contains "$OUT" "  --keep-daily N     keep the N newest daily backups (default 7)" "backup --help from its table"
done_testing
