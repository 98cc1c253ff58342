# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_async_up_global_optspecs
    string join \n team= repo= offline color= q/quiet strict h/help V/version
end

function __fish_async_up_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_async_up_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_async_up_using_subcommand
    set -l cmd (__fish_async_up_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c async-up -n "__fish_async_up_needs_command" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_needs_command" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_needs_command" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_needs_command" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_needs_command" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_needs_command" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "init" -d 'Join a team'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "write" -d 'Write today\'s update: yesterday, today, blockers'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "team" -d 'Show everyone\'s latest update'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "blockers" -d 'List every open blocker in each member\'s latest update'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "sync" -d 'Push local updates and fetch everyone else\'s'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "log" -d 'Show one person\'s updates, oldest first'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "audit" -d 'Check that every commit to a member\'s files was made by that member'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "status" -d 'Say whether you have written today\'s update'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "mentions" -d 'List open blockers, today-items and replies that mention you (`@handle`), newest first'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "me" -d 'Set your time zone, workdays, working hours, focus blocks, region and email'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "away" -d 'Mark yourself away from one date until another (both included)'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "stats" -d 'Show participation, blockers and wellbeing signals over a period'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "digest" -d 'Summarise a period: plans against what was reported, blockers, time away'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "report" -d 'Write an HTML report: no network, no script, charts as inline SVG'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "restore" -d 'Put back your updates that a rewrite of the team\'s history removed'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "reply" -d 'Reply to a teammate\'s update, or react to it'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "inbox" -d 'Show what is new since you last ran it, and mark it read'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "search" -d 'Search updates, blockers and replies, newest first'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "remind" -d 'Remind you to write your update, when it is time'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "doctor" -d 'Check git, identity, config, remote, branch, pending updates, clock and mirror'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "generate-assets" -d 'Write completions/ and man/ from this definition (for maintainers)'
complete -c async-up -n "__fish_async_up_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c async-up -n "__fish_async_up_using_subcommand init" -l user -d 'Your handle (default: the local part of git\'s user.email)' -r
complete -c async-up -n "__fish_async_up_using_subcommand init" -l name -d 'Your display name (default: git\'s user.name)' -r
complete -c async-up -n "__fish_async_up_using_subcommand init" -l timezone -d 'Your IANA time zone (default: the machine\'s)' -r
complete -c async-up -n "__fish_async_up_using_subcommand init" -l email -d 'The email your commits to this team carry (default: git\'s user.email; asked for on a terminal when git has none)' -r
complete -c async-up -n "__fish_async_up_using_subcommand init" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand init" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand init" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand init" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand init" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand init" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand init" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand write" -l yesterday -d 'What you did (repeatable: one item each)' -r
complete -c async-up -n "__fish_async_up_using_subcommand write" -l today -d 'What you plan (repeatable)' -r
complete -c async-up -n "__fish_async_up_using_subcommand write" -l blocker -d 'Something blocking you (repeatable); the same text is not added twice' -r
complete -c async-up -n "__fish_async_up_using_subcommand write" -l resolve -d 'Resolve an open blocker by id, or `all` (repeatable)' -r
complete -c async-up -n "__fish_async_up_using_subcommand write" -l mood -d 'Your mood, 1 (bad) to 5 (great)' -r
complete -c async-up -n "__fish_async_up_using_subcommand write" -l date -d 'Write for an earlier date instead of today (YYYY-MM-DD), to backfill' -r
complete -c async-up -n "__fish_async_up_using_subcommand write" -l answer -d 'Answer one of the team\'s own questions (repeatable); lists take `a; b`' -r
complete -c async-up -n "__fish_async_up_using_subcommand write" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand write" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand write" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand write" -l edit -d 'Open $VISUAL or $EDITOR on the update as TOML'
complete -c async-up -n "__fish_async_up_using_subcommand write" -l no-push -d 'Commit locally only; `async-up sync` pushes later'
complete -c async-up -n "__fish_async_up_using_subcommand write" -l no-input -d 'Never prompt; fail if nothing is given to write'
complete -c async-up -n "__fish_async_up_using_subcommand write" -l suggest -d 'Print suggestions for yesterday (your commits since your previous update) and exit'
complete -c async-up -n "__fish_async_up_using_subcommand write" -l from-activity -d 'Use the suggestions as yesterday, without prompts'
complete -c async-up -n "__fish_async_up_using_subcommand write" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand write" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand write" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand write" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand write" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand team" -l date -d 'Show exactly the updates dated D (YYYY-MM-DD)' -r
complete -c async-up -n "__fish_async_up_using_subcommand team" -l person -d 'Only these members (repeatable)' -r
complete -c async-up -n "__fish_async_up_using_subcommand team" -l format -d 'Output format' -r -f -a "table\t'A table fitted to the terminal'
markdown\t'Markdown that pastes into GitHub, Slack or email'
json\t'Stable JSON for scripts'"
complete -c async-up -n "__fish_async_up_using_subcommand team" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand team" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand team" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand team" -l no-fetch -d 'Do not fetch first; show what the mirror has'
complete -c async-up -n "__fish_async_up_using_subcommand team" -l all-teams -d 'Show every joined team in one view, each entry marked with its team (or give --team more than once)'
complete -c async-up -n "__fish_async_up_using_subcommand team" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand team" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand team" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand team" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand team" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand blockers" -l format -d 'Output format' -r -f -a "table\t'A table fitted to the terminal'
markdown\t'Markdown for GitHub, Mattermost, Teams, Discord or email'
json\t'Stable JSON for scripts'
slack\t'A Slack Block Kit message for an incoming webhook'"
complete -c async-up -n "__fish_async_up_using_subcommand blockers" -l older-than -d 'Only blockers open for more than DAYS days' -r
complete -c async-up -n "__fish_async_up_using_subcommand blockers" -l mentions -d 'Only blockers that mention this handle (`@handle`)' -r
complete -c async-up -n "__fish_async_up_using_subcommand blockers" -l post -d 'Post to this chat webhook (http or https) instead of printing, when there are blockers: slack as Block Kit JSON, markdown as {"text": ...} ({"content": ...} for Discord). The exit code stays 1 after a post' -r
complete -c async-up -n "__fish_async_up_using_subcommand blockers" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand blockers" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand blockers" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand blockers" -l no-fetch -d 'Do not fetch first; show what the mirror has'
complete -c async-up -n "__fish_async_up_using_subcommand blockers" -l require-fresh -d 'Exit 2 instead of judging stale data when the remote cannot be fetched'
complete -c async-up -n "__fish_async_up_using_subcommand blockers" -l all-teams -d 'Show every joined team in one view, each entry marked with its team (or give --team more than once)'
complete -c async-up -n "__fish_async_up_using_subcommand blockers" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand blockers" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand blockers" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand blockers" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand blockers" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand sync" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand sync" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand sync" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand sync" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand sync" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand sync" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand sync" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand log" -l since -d 'Start from this date (YYYY-MM-DD) or span back (7d, 2w, 3m, 1y)' -r
complete -c async-up -n "__fish_async_up_using_subcommand log" -l format -d 'Output format' -r -f -a "table\t'A table fitted to the terminal'
markdown\t'Markdown that pastes into GitHub, Slack or email'
json\t'Stable JSON for scripts'"
complete -c async-up -n "__fish_async_up_using_subcommand log" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand log" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand log" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand log" -l no-fetch -d 'Do not fetch first; show what the mirror has'
complete -c async-up -n "__fish_async_up_using_subcommand log" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand log" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand log" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand log" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand audit" -l since -d 'Only commits after this revision' -r
complete -c async-up -n "__fish_async_up_using_subcommand audit" -l format -d 'Output format' -r -f -a "table\t'A table fitted to the terminal'
markdown\t'Markdown that pastes into GitHub, Slack or email'
json\t'Stable JSON for scripts'"
complete -c async-up -n "__fish_async_up_using_subcommand audit" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand audit" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand audit" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand audit" -l no-fetch -d 'Do not fetch first'
complete -c async-up -n "__fish_async_up_using_subcommand audit" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand audit" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand audit" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand audit" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand status" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand status" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand status" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand status" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand status" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand status" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand status" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand mentions" -l format -d 'Output format' -r -f -a "table\t'A table fitted to the terminal'
markdown\t'Markdown that pastes into GitHub, Slack or email'
json\t'Stable JSON for scripts'"
complete -c async-up -n "__fish_async_up_using_subcommand mentions" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand mentions" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand mentions" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand mentions" -l no-fetch -d 'Do not fetch first'
complete -c async-up -n "__fish_async_up_using_subcommand mentions" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand mentions" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand mentions" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand mentions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand mentions" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand me" -l timezone -d 'Your IANA time zone' -r
complete -c async-up -n "__fish_async_up_using_subcommand me" -l hours -d 'Working hours, HH:MM-HH:MM in your zone' -r
complete -c async-up -n "__fish_async_up_using_subcommand me" -l focus -d 'Focus blocks, HH:MM-HH:MM (repeatable; replaces the list)' -r
complete -c async-up -n "__fish_async_up_using_subcommand me" -l workdays -d 'Workdays: day names or ranges, such as Mon-Thu (repeatable; replaces the list)' -r
complete -c async-up -n "__fish_async_up_using_subcommand me" -l name -d 'Your display name' -r
complete -c async-up -n "__fish_async_up_using_subcommand me" -l email -d 'Your email: the committer address `audit` expects on your commits' -r
complete -c async-up -n "__fish_async_up_using_subcommand me" -l region -d 'Your region, such as de or us-ca: the team\'s holidays for it (holidays.toml) are your days off' -r
complete -c async-up -n "__fish_async_up_using_subcommand me" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand me" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand me" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand me" -l no-focus -d 'Remove all focus blocks'
complete -c async-up -n "__fish_async_up_using_subcommand me" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand me" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand me" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand me" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand me" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand away" -l from -d 'First day away (default: today)' -r
complete -c async-up -n "__fish_async_up_using_subcommand away" -l until -d 'Last day away' -r
complete -c async-up -n "__fish_async_up_using_subcommand away" -l note -d 'A word for teammates' -r
complete -c async-up -n "__fish_async_up_using_subcommand away" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand away" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand away" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand away" -l clear -d 'Remove every away period (you are back)'
complete -c async-up -n "__fish_async_up_using_subcommand away" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand away" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand away" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand away" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand away" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand stats" -l since -d 'Start of the period: a date or a span back (default: 4w)' -r
complete -c async-up -n "__fish_async_up_using_subcommand stats" -l until -d 'End of the period (default: today)' -r
complete -c async-up -n "__fish_async_up_using_subcommand stats" -l format -d 'Output format' -r -f -a "table\t'A table with sparklines'
json\t'Stable JSON'"
complete -c async-up -n "__fish_async_up_using_subcommand stats" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand stats" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand stats" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand stats" -l no-fetch -d 'Do not fetch first'
complete -c async-up -n "__fish_async_up_using_subcommand stats" -l all-teams -d 'Show every joined team in one view, each entry marked with its team (or give --team more than once)'
complete -c async-up -n "__fish_async_up_using_subcommand stats" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand stats" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand stats" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand stats" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand digest" -l since -d 'Start of the period: a date or a span back (default: --week)' -r
complete -c async-up -n "__fish_async_up_using_subcommand digest" -l until -d 'End of the period (default: today)' -r
complete -c async-up -n "__fish_async_up_using_subcommand digest" -l format -d 'Output format' -r -f -a "markdown\t'Markdown for chat and email'
json\t'Stable JSON'
html\t'A small self-contained HTML page'
slack\t'A Slack Block Kit message for an incoming webhook'"
complete -c async-up -n "__fish_async_up_using_subcommand digest" -l post -d 'Post to this chat webhook (http or https) instead of printing: slack as Block Kit JSON, markdown as {"text": ...} ({"content": ...} for Discord). Retries a busy server; exit 2 when the post fails' -r
complete -c async-up -n "__fish_async_up_using_subcommand digest" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand digest" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand digest" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand digest" -l week -d 'This week: Monday to today (the last seven days on a weekend)'
complete -c async-up -n "__fish_async_up_using_subcommand digest" -l no-fetch -d 'Do not fetch first'
complete -c async-up -n "__fish_async_up_using_subcommand digest" -l all-teams -d 'Show every joined team in one view, each entry marked with its team (or give --team more than once)'
complete -c async-up -n "__fish_async_up_using_subcommand digest" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand digest" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand digest" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand digest" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand digest" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand report" -l html -d 'Where to write the page' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand report" -l since -d 'Start of the period: a date or a span back (default: 4w)' -r
complete -c async-up -n "__fish_async_up_using_subcommand report" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand report" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand report" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand report" -l no-fetch -d 'Do not fetch first'
complete -c async-up -n "__fish_async_up_using_subcommand report" -l all-teams -d 'Show every joined team in one view, each entry marked with its team (or give --team more than once)'
complete -c async-up -n "__fish_async_up_using_subcommand report" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand report" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand report" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand report" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand restore" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand restore" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand restore" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand restore" -l list -d 'Only print the dates that would be restored, one a line'
complete -c async-up -n "__fish_async_up_using_subcommand restore" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand restore" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand restore" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand restore" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand reply" -l date -d 'Answer the update of this date instead of their latest (YYYY-MM-DD)' -r
complete -c async-up -n "__fish_async_up_using_subcommand reply" -l blocker -d 'Answer one of the update\'s blockers, by id' -r
complete -c async-up -n "__fish_async_up_using_subcommand reply" -l item -d 'Answer one item of the update\'s today list, counted from 1' -r
complete -c async-up -n "__fish_async_up_using_subcommand reply" -l react -d 'React instead of replying: +1, eyes, check, heart, tada (or the emoji)' -r
complete -c async-up -n "__fish_async_up_using_subcommand reply" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand reply" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand reply" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand reply" -l offer -d 'Offer help with the blocker given by --blocker'
complete -c async-up -n "__fish_async_up_using_subcommand reply" -l no-push -d 'Commit locally only; `async-up sync` pushes later'
complete -c async-up -n "__fish_async_up_using_subcommand reply" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand reply" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand reply" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand reply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand reply" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand inbox" -l format -d 'Output format' -r -f -a "table\t'A table fitted to the terminal'
markdown\t'Markdown that pastes into GitHub, Slack or email'
json\t'Stable JSON for scripts'"
complete -c async-up -n "__fish_async_up_using_subcommand inbox" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand inbox" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand inbox" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand inbox" -l peek -d 'Show without marking anything read'
complete -c async-up -n "__fish_async_up_using_subcommand inbox" -l all -d 'Ignore what was marked read: show everything current'
complete -c async-up -n "__fish_async_up_using_subcommand inbox" -l no-fetch -d 'Do not fetch first; show what the mirror has'
complete -c async-up -n "__fish_async_up_using_subcommand inbox" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand inbox" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand inbox" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand inbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand inbox" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand search" -l since -d 'Start of the period: a date or a span back (7d, 2w, 3m, 1y); default: all' -r
complete -c async-up -n "__fish_async_up_using_subcommand search" -l until -d 'End of the period (YYYY-MM-DD; default: no end)' -r
complete -c async-up -n "__fish_async_up_using_subcommand search" -l person -d 'Only what this person wrote (repeat for several)' -r
complete -c async-up -n "__fish_async_up_using_subcommand search" -l format -d 'Output format' -r -f -a "table\t'A table fitted to the terminal'
markdown\t'Markdown that pastes into GitHub, Slack or email'
json\t'Stable JSON for scripts'"
complete -c async-up -n "__fish_async_up_using_subcommand search" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand search" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand search" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand search" -l regex -d 'Treat the pattern as a regular expression'
complete -c async-up -n "__fish_async_up_using_subcommand search" -l no-fetch -d 'Do not fetch first; search what the mirror has'
complete -c async-up -n "__fish_async_up_using_subcommand search" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand search" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand search" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand search" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand remind" -l scheduler -d 'The scheduler to install with (default: what this machine has)' -r -f -a "systemd\t'A systemd user timer and service in ~/.config/systemd/user'
cron\t'A block in your crontab (read and written with `crontab -l` and `crontab -`)'
launchd\t'A launchd agent in ~/Library/LaunchAgents (macOS)'"
complete -c async-up -n "__fish_async_up_using_subcommand remind" -l at -d 'Run at this time in your zone instead of the start of your hours' -r
complete -c async-up -n "__fish_async_up_using_subcommand remind" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand remind" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand remind" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand remind" -l fetch -d 'Fetch first, so an update written on another machine counts'
complete -c async-up -n "__fish_async_up_using_subcommand remind" -l install -d 'Install a schedule that runs `async-up remind` on your workdays'
complete -c async-up -n "__fish_async_up_using_subcommand remind" -l uninstall -d 'Remove the schedule --install made for the team (only it)'
complete -c async-up -n "__fish_async_up_using_subcommand remind" -l dry-run -d 'Print what --install or --uninstall would write, and change nothing'
complete -c async-up -n "__fish_async_up_using_subcommand remind" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand remind" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand remind" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand remind" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand remind" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand doctor" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand doctor" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand doctor" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand doctor" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand doctor" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand doctor" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand generate-assets" -l team -d 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once' -r
complete -c async-up -n "__fish_async_up_using_subcommand generate-assets" -l repo -d 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch' -r -F
complete -c async-up -n "__fish_async_up_using_subcommand generate-assets" -l color -d 'When to use colour' -r -f -a "auto\t'Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe'
always\t'Always colour'
never\t'Never colour'"
complete -c async-up -n "__fish_async_up_using_subcommand generate-assets" -l offline -d 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
complete -c async-up -n "__fish_async_up_using_subcommand generate-assets" -s q -l quiet -d 'Print only data and errors'
complete -c async-up -n "__fish_async_up_using_subcommand generate-assets" -l strict -d 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
complete -c async-up -n "__fish_async_up_using_subcommand generate-assets" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c async-up -n "__fish_async_up_using_subcommand generate-assets" -s V -l version -d 'Print version'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "init" -d 'Join a team'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "write" -d 'Write today\'s update: yesterday, today, blockers'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "team" -d 'Show everyone\'s latest update'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "blockers" -d 'List every open blocker in each member\'s latest update'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "sync" -d 'Push local updates and fetch everyone else\'s'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "log" -d 'Show one person\'s updates, oldest first'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "audit" -d 'Check that every commit to a member\'s files was made by that member'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "status" -d 'Say whether you have written today\'s update'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "mentions" -d 'List open blockers, today-items and replies that mention you (`@handle`), newest first'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "me" -d 'Set your time zone, workdays, working hours, focus blocks, region and email'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "away" -d 'Mark yourself away from one date until another (both included)'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "stats" -d 'Show participation, blockers and wellbeing signals over a period'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "digest" -d 'Summarise a period: plans against what was reported, blockers, time away'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "report" -d 'Write an HTML report: no network, no script, charts as inline SVG'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "restore" -d 'Put back your updates that a rewrite of the team\'s history removed'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "reply" -d 'Reply to a teammate\'s update, or react to it'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "inbox" -d 'Show what is new since you last ran it, and mark it read'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "search" -d 'Search updates, blockers and replies, newest first'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "remind" -d 'Remind you to write your update, when it is time'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "doctor" -d 'Check git, identity, config, remote, branch, pending updates, clock and mirror'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "generate-assets" -d 'Write completions/ and man/ from this definition (for maintainers)'
complete -c async-up -n "__fish_async_up_using_subcommand help; and not __fish_seen_subcommand_from init write team blockers sync log audit status mentions me away stats digest report restore reply inbox search remind doctor generate-assets help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
