
use builtin;
use str;

set edit:completion:arg-completer[async-up] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'async-up'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'async-up'= {
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Join a team'
            cand write 'Write today''s update: yesterday, today, blockers'
            cand team 'Show everyone''s latest update'
            cand blockers 'List every open blocker in each member''s latest update'
            cand sync 'Push local updates and fetch everyone else''s'
            cand log 'Show one person''s updates, oldest first'
            cand audit 'Check that every commit to a member''s files was made by that member'
            cand status 'Say whether you have written today''s update'
            cand mentions 'List open blockers, today-items and replies that mention you (`@handle`), newest first'
            cand me 'Set your time zone, workdays, working hours, focus blocks, region and email'
            cand away 'Mark yourself away from one date until another (both included)'
            cand stats 'Show participation, blockers and wellbeing signals over a period'
            cand digest 'Summarise a period: plans against what was reported, blockers, time away'
            cand report 'Write an HTML report: no network, no script, charts as inline SVG'
            cand restore 'Put back your updates that a rewrite of the team''s history removed'
            cand reply 'Reply to a teammate''s update, or react to it'
            cand inbox 'Show what is new since you last ran it, and mark it read'
            cand search 'Search updates, blockers and replies, newest first'
            cand remind 'Remind you to write your update, when it is time'
            cand doctor 'Check git, identity, config, remote, branch, pending updates, clock and mirror'
            cand generate-assets 'Write completions/ and man/ from this definition (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'async-up;init'= {
            cand --user 'Your handle (default: the local part of git''s user.email)'
            cand --name 'Your display name (default: git''s user.name)'
            cand --timezone 'Your IANA time zone (default: the machine''s)'
            cand --email 'The email your commits to this team carry (default: git''s user.email; asked for on a terminal when git has none)'
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;write'= {
            cand --yesterday 'What you did (repeatable: one item each)'
            cand --today 'What you plan (repeatable)'
            cand --blocker 'Something blocking you (repeatable); the same text is not added twice'
            cand --resolve 'Resolve an open blocker by id, or `all` (repeatable)'
            cand --mood 'Your mood, 1 (bad) to 5 (great)'
            cand --date 'Write for an earlier date instead of today (YYYY-MM-DD), to backfill'
            cand --answer 'Answer one of the team''s own questions (repeatable); lists take `a; b`'
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --edit 'Open $VISUAL or $EDITOR on the update as TOML'
            cand --no-push 'Commit locally only; `async-up sync` pushes later'
            cand --no-input 'Never prompt; fail if nothing is given to write'
            cand --suggest 'Print suggestions for yesterday (your commits since your previous update) and exit'
            cand --from-activity 'Use the suggestions as yesterday, without prompts'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;team'= {
            cand --date 'Show exactly the updates dated D (YYYY-MM-DD)'
            cand --person 'Only these members (repeatable)'
            cand --format 'Output format'
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --no-fetch 'Do not fetch first; show what the mirror has'
            cand --all-teams 'Show every joined team in one view, each entry marked with its team (or give --team more than once)'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;blockers'= {
            cand --format 'Output format'
            cand --older-than 'Only blockers open for more than DAYS days'
            cand --mentions 'Only blockers that mention this handle (`@handle`)'
            cand --post 'Post to this chat webhook (http or https) instead of printing, when there are blockers: slack as Block Kit JSON, markdown as {"text": ...} ({"content": ...} for Discord). The exit code stays 1 after a post'
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --no-fetch 'Do not fetch first; show what the mirror has'
            cand --require-fresh 'Exit 2 instead of judging stale data when the remote cannot be fetched'
            cand --all-teams 'Show every joined team in one view, each entry marked with its team (or give --team more than once)'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;sync'= {
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;log'= {
            cand --since 'Start from this date (YYYY-MM-DD) or span back (7d, 2w, 3m, 1y)'
            cand --format 'Output format'
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --no-fetch 'Do not fetch first; show what the mirror has'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;audit'= {
            cand --since 'Only commits after this revision'
            cand --format 'Output format'
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --no-fetch 'Do not fetch first'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;status'= {
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;mentions'= {
            cand --format 'Output format'
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --no-fetch 'Do not fetch first'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;me'= {
            cand --timezone 'Your IANA time zone'
            cand --hours 'Working hours, HH:MM-HH:MM in your zone'
            cand --focus 'Focus blocks, HH:MM-HH:MM (repeatable; replaces the list)'
            cand --workdays 'Workdays: day names or ranges, such as Mon-Thu (repeatable; replaces the list)'
            cand --name 'Your display name'
            cand --email 'Your email: the committer address `audit` expects on your commits'
            cand --region 'Your region, such as de or us-ca: the team''s holidays for it (holidays.toml) are your days off'
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --no-focus 'Remove all focus blocks'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;away'= {
            cand --from 'First day away (default: today)'
            cand --until 'Last day away'
            cand --note 'A word for teammates'
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --clear 'Remove every away period (you are back)'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;stats'= {
            cand --since 'Start of the period: a date or a span back (default: 4w)'
            cand --until 'End of the period (default: today)'
            cand --format 'Output format'
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --no-fetch 'Do not fetch first'
            cand --all-teams 'Show every joined team in one view, each entry marked with its team (or give --team more than once)'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;digest'= {
            cand --since 'Start of the period: a date or a span back (default: --week)'
            cand --until 'End of the period (default: today)'
            cand --format 'Output format'
            cand --post 'Post to this chat webhook (http or https) instead of printing: slack as Block Kit JSON, markdown as {"text": ...} ({"content": ...} for Discord). Retries a busy server; exit 2 when the post fails'
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --week 'This week: Monday to today (the last seven days on a weekend)'
            cand --no-fetch 'Do not fetch first'
            cand --all-teams 'Show every joined team in one view, each entry marked with its team (or give --team more than once)'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;report'= {
            cand --html 'Where to write the page'
            cand --since 'Start of the period: a date or a span back (default: 4w)'
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --no-fetch 'Do not fetch first'
            cand --all-teams 'Show every joined team in one view, each entry marked with its team (or give --team more than once)'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;restore'= {
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --list 'Only print the dates that would be restored, one a line'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;reply'= {
            cand --date 'Answer the update of this date instead of their latest (YYYY-MM-DD)'
            cand --blocker 'Answer one of the update''s blockers, by id'
            cand --item 'Answer one item of the update''s today list, counted from 1'
            cand --react 'React instead of replying: +1, eyes, check, heart, tada (or the emoji)'
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --offer 'Offer help with the blocker given by --blocker'
            cand --no-push 'Commit locally only; `async-up sync` pushes later'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;inbox'= {
            cand --format 'Output format'
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --peek 'Show without marking anything read'
            cand --all 'Ignore what was marked read: show everything current'
            cand --no-fetch 'Do not fetch first; show what the mirror has'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;search'= {
            cand --since 'Start of the period: a date or a span back (7d, 2w, 3m, 1y); default: all'
            cand --until 'End of the period (YYYY-MM-DD; default: no end)'
            cand --person 'Only what this person wrote (repeat for several)'
            cand --format 'Output format'
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --regex 'Treat the pattern as a regular expression'
            cand --no-fetch 'Do not fetch first; search what the mirror has'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;remind'= {
            cand --scheduler 'The scheduler to install with (default: what this machine has)'
            cand --at 'Run at this time in your zone instead of the start of your hours'
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --fetch 'Fetch first, so an update written on another machine counts'
            cand --install 'Install a schedule that runs `async-up remind` on your workdays'
            cand --uninstall 'Remove the schedule --install made for the team (only it)'
            cand --dry-run 'Print what --install or --uninstall would write, and change nothing'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;doctor'= {
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;generate-assets'= {
            cand --team 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once'
            cand --repo 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch'
            cand --color 'When to use colour'
            cand --offline 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand --strict 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'async-up;help'= {
            cand init 'Join a team'
            cand write 'Write today''s update: yesterday, today, blockers'
            cand team 'Show everyone''s latest update'
            cand blockers 'List every open blocker in each member''s latest update'
            cand sync 'Push local updates and fetch everyone else''s'
            cand log 'Show one person''s updates, oldest first'
            cand audit 'Check that every commit to a member''s files was made by that member'
            cand status 'Say whether you have written today''s update'
            cand mentions 'List open blockers, today-items and replies that mention you (`@handle`), newest first'
            cand me 'Set your time zone, workdays, working hours, focus blocks, region and email'
            cand away 'Mark yourself away from one date until another (both included)'
            cand stats 'Show participation, blockers and wellbeing signals over a period'
            cand digest 'Summarise a period: plans against what was reported, blockers, time away'
            cand report 'Write an HTML report: no network, no script, charts as inline SVG'
            cand restore 'Put back your updates that a rewrite of the team''s history removed'
            cand reply 'Reply to a teammate''s update, or react to it'
            cand inbox 'Show what is new since you last ran it, and mark it read'
            cand search 'Search updates, blockers and replies, newest first'
            cand remind 'Remind you to write your update, when it is time'
            cand doctor 'Check git, identity, config, remote, branch, pending updates, clock and mirror'
            cand generate-assets 'Write completions/ and man/ from this definition (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'async-up;help;init'= {
        }
        &'async-up;help;write'= {
        }
        &'async-up;help;team'= {
        }
        &'async-up;help;blockers'= {
        }
        &'async-up;help;sync'= {
        }
        &'async-up;help;log'= {
        }
        &'async-up;help;audit'= {
        }
        &'async-up;help;status'= {
        }
        &'async-up;help;mentions'= {
        }
        &'async-up;help;me'= {
        }
        &'async-up;help;away'= {
        }
        &'async-up;help;stats'= {
        }
        &'async-up;help;digest'= {
        }
        &'async-up;help;report'= {
        }
        &'async-up;help;restore'= {
        }
        &'async-up;help;reply'= {
        }
        &'async-up;help;inbox'= {
        }
        &'async-up;help;search'= {
        }
        &'async-up;help;remind'= {
        }
        &'async-up;help;doctor'= {
        }
        &'async-up;help;generate-assets'= {
        }
        &'async-up;help;help'= {
        }
    ]
    $completions[$command]
}
